// Loads a scenario: YAML (with imports) → schema → cross-references, every problem located.
import { ZodArray, ZodObject, ZodRecord, ZodUnion, type z } from 'zod';
import { scenarioSchema, type Scenario } from '../model/schema.js';
import { checkReferences } from './references.js';
import { referenceProblemsDespiteSchema } from './lenient.js';
import { readSources, type MergedSources, type SourceOptions } from './sources.js';
import { didYouMean, type ScenarioIssue } from './issues.js';

export type LoadResult = { ok: true; scenario: Scenario; file: string } | { ok: false; issues: ScenarioIssue[] };

export function loadScenario(file: string, options: SourceOptions = {}): LoadResult {
  const read = readSources(file, file, options);
  if (!read.ok) return read;
  return validateMerged(read.merged, file);
}

export function validateMerged(merged: MergedSources, file: string): LoadResult {
  const parsed = scenarioSchema.safeParse(merged.value, { reportInput: true });
  if (!parsed.success) {
    // Reference problems are found too, on every item that passed the schema on its own.
    const located = parsed.error.issues.flatMap((i) => zodIssueToLocated(i, merged));
    const references = referenceProblemsDespiteSchema(merged.value).map((p) => merged.locate(p.path, p.message));
    return { ok: false, issues: sortIssues([...located, ...references]) };
  }
  const problems = checkReferences(parsed.data);
  if (problems.length > 0)
    return { ok: false, issues: sortIssues(problems.map((p) => merged.locate(p.path, p.message))) };
  return { ok: true, scenario: parsed.data, file };
}

function zodIssueToLocated(issue: z.core.$ZodIssue, merged: MergedSources): ScenarioIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      merged.locate([...path, key], `unknown field "${key}"${didYouMean(key, knownKeys(path))}`, 'key'),
    );
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const inner = (branch: readonly z.core.$ZodIssue[]) =>
      branch.flatMap((i) => zodIssueToLocated({ ...i, path: [...path, ...i.path] } as z.core.$ZodIssue, merged));
    // Report the branch that got furthest: the one with the fewest, deepest problems.
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]!;
    if (depth(best) >= 1) return inner(best);
    // Every branch failed on the value itself: one whose type matched explains best, else say what each expected.
    const typed = issue.errors.find(
      (e) => e.length > 0 && e.every((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value'),
    );
    if (typed !== undefined) return inner(typed);
    const types = issue.errors.flatMap((e) =>
      e.flatMap((i) => (i.code === 'invalid_type' ? [i.expected as string] : [])),
    );
    const values = issue.errors.flatMap((e) =>
      e.flatMap((i) => (i.code === 'invalid_value' ? i.values.map((v) => JSON.stringify(v)) : [])),
    );
    const oneOf = [...new Set(values)];
    const expected = [...new Set(types), ...(oneOf.length > 1 ? [`one of ${oneOf.join(', ')}`] : oneOf)];
    const got = types.length === 0 ? JSON.stringify(issue.input) : typeName(issue.input);
    const hint =
      typeof issue.input === 'string'
        ? didYouMean(
            issue.input,
            oneOf.map((v) => JSON.parse(v) as unknown).filter((v): v is string => typeof v === 'string'),
          )
        : '';
    if (expected.length > 0) return [merged.locate(path, `expected ${expected.join(' or ')}, got ${got}${hint}`)];
  }
  const discriminated = issue as { discriminator?: string; options?: readonly unknown[] };
  if (
    issue.code === 'invalid_union' &&
    discriminated.discriminator !== undefined &&
    discriminated.options !== undefined
  ) {
    const options = discriminated.options.map(String);
    const input = isRecord(issue.input) ? issue.input[discriminated.discriminator] : undefined;
    const expected = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
    if (input === undefined) return [merged.locate(path, `required field is missing (expected ${expected})`)];
    const hint = typeof input === 'string' ? didYouMean(input, options) : '';
    return [merged.locate(path, `expected ${expected}, got ${JSON.stringify(input)}${hint}`)];
  }
  if (issue.code === 'invalid_key') {
    const reason = issue.issues[0]?.message;
    return [
      merged.locate(
        path,
        `invalid key ${JSON.stringify(path[path.length - 1])}${reason === undefined ? '' : `: ${reason}`}`,
        'key',
      ),
    ];
  }
  return [merged.locate(path, describe(issue))];
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
}

/** The keys the schema allows at a path, for "did you mean" on unknown fields. */
function knownKeys(path: readonly (string | number)[]): string[] {
  let schemas: z.core.$ZodType[] = [scenarioSchema];
  for (const seg of path) schemas = schemas.flatMap((s) => unwrap(s)).flatMap((s) => child(s, seg));
  return schemas.flatMap(unwrap).flatMap((s) => (s instanceof ZodObject ? Object.keys(s.shape) : []));
}

function unwrap(s: z.core.$ZodType): z.core.$ZodType[] {
  const def = s._zod.def as unknown as Record<string, unknown>;
  if (s instanceof ZodUnion) return (s.options as z.core.$ZodType[]).flatMap(unwrap);
  if (def.innerType) return unwrap(def.innerType as z.core.$ZodType);
  if (def.in && def.type === 'pipe') return unwrap(def.in as z.core.$ZodType);
  return [s];
}

function child(s: z.core.$ZodType, seg: string | number): z.core.$ZodType[] {
  if (s instanceof ZodObject && typeof seg === 'string')
    return Object.hasOwn(s.shape, seg) ? [s.shape[seg] as z.core.$ZodType] : [];
  if (s instanceof ZodArray && typeof seg === 'number') return [s.element as z.core.$ZodType];
  if (s instanceof ZodRecord) return [s.valueType as z.core.$ZodType];
  return [];
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required field is missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''}`;
    default:
      return issue.message;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'number' ? `number ${String(v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

function sortIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
