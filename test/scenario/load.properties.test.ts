// Whatever is done to a scenario file, the loader answers: a scenario, or located issues.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify, visit, type Node as YamlNode } from 'yaml';
import { loadScenario } from '../../sim/scenario/load.js';
import { PHARMA, removeScratch, writeFiles } from './scratch.js';

afterAll(removeScratch);

const { main: file } = writeFiles({ 'pharma-mutant.yaml': '' });

/** Loads `text` as a scenario file and checks the loader's contract on the answer. */
function loadsOrLocates(text: string): void {
  writeFileSync(file, text);
  const lineCount = text.split('\n').length;
  const result = loadScenario(file);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.file).toBe(file);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lineCount);
    expect(issue.col).toBeGreaterThanOrEqual(1);
    expect(issue.message.trim()).not.toBe('');
  }
}

const scalarValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom(
    '',
    '*',
    'null',
    '~',
    'true',
    '-1',
    '1e9',
    '.nan',
    'line1-ctrl',
    '10.99.0.1',
    '[',
    '{a: 1}',
    '&x',
    '*x',
    '__proto__',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

// ---- mutations of the text ----

type TextMutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'changeChar'; at: number; char: string }
  | { op: 'replaceScalar'; at: number; text: string }
  | { op: 'dropKey'; at: number };

/** What may stand where a scalar was: YAML tokens, plain or quoted strings, numbers. */
const scalarText = fc.oneof(
  fc.constantFrom(
    '',
    '*',
    'null',
    '~',
    'true',
    '-1',
    '1e9',
    '.nan',
    'line1-ctrl',
    '10.99.0.1',
    '[',
    '{a: 1}',
    '&x',
    '*x',
    '__proto__',
    '"',
    '- x',
    'a: b',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }).map((x) => JSON.stringify(x)),
  fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String),
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    op: fc.constant('changeChar' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.constantFrom(...':-{}[],#&*!|>\'"%@` \t\n?'.split('')),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
  }),
  fc.record({ op: fc.constant('replaceScalar' as const), at: fc.nat(), text: scalarText }),
  fc.record({ op: fc.constant('dropKey' as const), at: fc.nat() }),
);

type Range = readonly [number, number];

/** Where the scalars and the key-value pairs of a text are, found once (parsing is the slow part). */
function ranges(text: string): { scalars: Range[]; pairs: Range[] } {
  const scalars: Range[] = [];
  const pairs: Range[] = [];
  visit(parseDocument(text), {
    Scalar: (_, node) => void (node.range && scalars.push([node.range[0], node.range[1]])),
    Pair: (_, pair) => {
      const key = (pair.key as YamlNode | null)?.range;
      const value = (pair.value as YamlNode | null)?.range;
      if (key) pairs.push([key[0], value?.[1] ?? key[1]]);
    },
  });
  return { scalars, pairs };
}

const PHARMA_RANGES = ranges(PHARMA);

/** Replaces scalars and drops pairs of the pristine text (by offsets found once), then edits lines and characters. */
function mutatePharma(mutations: readonly TextMutation[]): string {
  const edits: { range: Range; text: string }[] = [];
  for (const m of mutations) {
    if (m.op === 'replaceScalar')
      edits.push({ range: PHARMA_RANGES.scalars[m.at % PHARMA_RANGES.scalars.length]!, text: m.text });
    if (m.op === 'dropKey') edits.push({ range: PHARMA_RANGES.pairs[m.at % PHARMA_RANGES.pairs.length]!, text: '' });
  }
  let text = PHARMA;
  let limit = Infinity;
  for (const e of edits.sort((x, y) => y.range[0] - x.range[0])) {
    if (e.range[1] > limit) continue;
    let [start, end] = e.range;
    // A pair dropped from a flow mapping takes its comma along.
    if (e.text === '') end += /^\s*,\s*/.exec(text.slice(end))?.[0].length ?? 0;
    text = text.slice(0, start) + e.text + text.slice(end);
    limit = start;
  }
  return mutations.reduce(mutateText, text);
}

function mutateText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const i = m.at % lines.length;
  switch (m.op) {
    case 'deleteLine':
      return lines.filter((_, j) => j !== i).join('\n');
    case 'duplicateLine':
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
    case 'swapLines': {
      const j = m.with % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'changeChar': {
      const at = m.at % Math.max(1, text.length);
      return text.slice(0, at) + m.char + text.slice(at + 1);
    }
    default:
      return text;
  }
}

// ---- mutations of the parsed object ----

type Path = (string | number)[];

type ObjectMutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'drop'; at: number }
  | { op: 'duplicateItem'; at: number }
  | { op: 'renameKey'; at: number; suffix: string };

const objectMutation: fc.Arbitrary<ObjectMutation> = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.oneof(scalarValue, fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateItem' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('renameKey' as const), at: fc.nat(), suffix: fc.string({ minLength: 1, maxLength: 3 }) }),
);

function paths(value: unknown, prefix: Path = []): Path[] {
  const children = Array.isArray(value)
    ? value.map((v, i) => paths(v, [...prefix, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).map(([k, v]) => paths(v, [...prefix, k]))
      : [];
  return [prefix, ...children.flat()];
}

function mutateObject(root: Record<string, unknown>, m: ObjectMutation): void {
  const all = paths(root).filter((p) => p.length > 0);
  const path = all[m.at % all.length]!;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as
    | Record<string | number, unknown>
    | unknown[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.op === 'set') parent[key] = m.value;
    else if (m.op === 'drop') parent.splice(key, 1);
    else if (m.op === 'duplicateItem') parent.splice(key, 0, structuredClone(parent[key]));
    return;
  }
  const map = parent as Record<string, unknown>;
  if (m.op === 'set') map[key] = m.value;
  else if (m.op === 'drop' || m.op === 'renameKey') {
    const value = map[key];
    delete map[key];
    if (m.op === 'renameKey') map[`${String(key)}${m.suffix}`] = value;
  }
}

describe('loadScenario on mutated copies of pharma.yaml', () => {
  it('loads the untouched text', () => {
    loadsOrLocates(PHARMA);
    expect(loadScenario(file).ok).toBe(true);
  });

  it('never crashes on mutated text: a scenario, or issues with file, line, column and message', () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        loadsOrLocates(mutatePharma(mutations));
      }),
      { numRuns: 120 },
    );
  });

  it('never crashes on a mutated object written back with yaml stringify', () => {
    const pristine = parse(PHARMA) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.array(objectMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const root = structuredClone(pristine);
        for (const m of mutations) mutateObject(root, m);
        loadsOrLocates(stringify(root));
      }),
      { numRuns: 80 },
    );
  });
});

// Keeps the mutations honest: each does what it says.
describe('the mutations themselves', () => {
  it('edit lines and characters', () => {
    const text = 'a: 1\nb: [x, y]\n';
    expect(mutateText(text, { op: 'deleteLine', at: 0 })).toBe('b: [x, y]\n');
    expect(mutateText(text, { op: 'duplicateLine', at: 1 })).toBe('a: 1\nb: [x, y]\nb: [x, y]\n');
    expect(mutateText(text, { op: 'swapLines', at: 0, with: 1 })).toBe('b: [x, y]\na: 1\n');
    expect(mutateText(text, { op: 'changeChar', at: 3, char: '#' })).toBe('a: #\nb: [x, y]\n');
  });

  it('replace a scalar and drop a key of pharma.yaml', () => {
    const at = PHARMA_RANGES.scalars.findIndex(([start]) => PHARMA.startsWith('72\n', start));
    expect(mutatePharma([{ op: 'replaceScalar', at, text: 'lots' }])).toContain('horizonHours: lots\n');
    const pair = PHARMA_RANGES.pairs.findIndex(([start]) => PHARMA.startsWith('name: IT/OT DMZ', start));
    expect(mutatePharma([{ op: 'dropKey', at: pair }])).toContain('- { id: dmz, level: 3.5,');
  });
});
