// Reads a scenario file and the files it imports, merges them, and maps any field path of the
// merged document back to the file, line and column it came from.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { IssuePath, ScenarioIssue } from './issues.js';

/** Sections whose lists are concatenated across imports (imported items first). */
export const LIST_SECTIONS: readonly (readonly string[])[] = [
  ['plant', 'zones'],
  ['plant', 'lines'],
  ['plant', 'assets'],
  ['plant', 'conduits'],
  ['identities', 'users'],
  ['identities', 'devices'],
  ['identities', 'credentials'],
  ['windows'],
  ['designs'],
  ['attacks'],
  ['workload'],
  ['expect'],
];

interface Source {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: Record<string, unknown>;
}

interface Origin {
  source: Source;
  index: number;
}

export interface MergedSources {
  value: Record<string, unknown>;
  locate(path: IssuePath, message: string): ScenarioIssue;
}

export type SourcesResult = { ok: true; merged: MergedSources } | { ok: false; issues: ScenarioIssue[] };

export function readSources(file: string, displayFile = file): SourcesResult {
  const issues: ScenarioIssue[] = [];
  const sources: Source[] = [];
  const visit = (path: string, shown: string, stack: string[]): Source | undefined => {
    const abs = resolve(path);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      issues.push({ file: shown, line: 1, col: 1, path: [], message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return undefined;
    }
    const source = parseSource(shown, text, issues);
    if (source === undefined) return undefined;
    const imports = source.value['imports'];
    if (Array.isArray(imports)) {
      imports.forEach((imp, i) => {
        if (typeof imp !== 'string') return;
        const target = resolve(dirname(abs), imp);
        if (stack.includes(target)) {
          issues.push(locateIn(source, ['imports', i], `import cycle: ${[...stack, target].map((p) => relative(process.cwd(), p)).join(' -> ')}`));
          return;
        }
        const child = visit(target, relative(process.cwd(), target) || target, [...stack, target]);
        if (child === undefined && !issues.some((x) => x.file === shown)) {
          issues.push(locateIn(source, ['imports', i], `imported file "${imp}" could not be loaded`));
        }
      });
    }
    sources.push(source);
    return source;
  };
  const main = visit(file, displayFile, [resolve(file)]);
  if (main === undefined || issues.length > 0) return { ok: false, issues };
  return { ok: true, merged: merge(main, sources) };
}

function parseSource(file: string, text: string, issues: ScenarioIssue[]): Source | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      issues.push({ file, line: pos.line, col: pos.col, path: [], message: `YAML syntax: ${firstLine(e.message)}` });
    }
    return undefined;
  }
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, line: 1, col: 1, path: [], message: 'a scenario file must be a YAML mapping (key: value pairs)' });
    return undefined;
  }
  return { file, doc, lines, value: value as Record<string, unknown> };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Sources are in dependency order with the main file last; the main file wins for scalars. */
function merge(main: Source, sources: Source[]): MergedSources {
  const value: Record<string, unknown> = {};
  for (const s of sources) deepAssign(value, s.value);
  const origins = new Map<string, Origin[]>();
  for (const section of LIST_SECTIONS) {
    const items: unknown[] = [];
    const from: Origin[] = [];
    for (const s of sources) {
      const list = getIn(s.value, section);
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => {
        items.push(item);
        from.push({ source: s, index });
      });
    }
    if (from.length > 0) {
      setIn(value, section, items);
      origins.set(section.join('.'), from);
    }
  }
  const locate = (path: IssuePath, message: string): ScenarioIssue => {
    for (const section of LIST_SECTIONS) {
      if (!section.every((k, i) => path[i] === k) || typeof path[section.length] !== 'number') continue;
      const origin = origins.get(section.join('.'))?.[path[section.length] as number];
      if (origin) return locateIn(origin.source, [...section, origin.index, ...path.slice(section.length + 1)], message, path);
    }
    const owner = [...sources].reverse().find((s) => path.length === 0 || s.doc.hasIn([path[0]])) ?? main;
    return locateIn(owner, path, message);
  };
  return { value, locate };
}

/** Finds the deepest YAML node on `path`; an unknown key points at its key, a missing one at its parent. */
function locateIn(source: Source, path: IssuePath, message: string, shownPath: IssuePath = path): ScenarioIssue {
  let node: YamlNode | null | undefined = source.doc.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const val = pair.value as YamlNode | null;
      offset = (val?.range?.[0] ?? (pair.key as YamlNode).range?.[0]) ?? offset;
      node = val;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = source.lines.linePos(offset);
  return { file: source.file, line: Math.max(1, pos.line), col: Math.max(1, pos.col), path: shownPath, message };
}

function deepAssign(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    const cur = target[k];
    if (isPlainObject(cur) && isPlainObject(v)) deepAssign(cur, v);
    else target[k] = isPlainObject(v) ? structuredCopy(v) : v;
  }
}

function structuredCopy(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  deepAssign(out, v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function getIn(obj: Record<string, unknown>, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const k of path) cur = isPlainObject(cur) ? cur[k] : undefined;
  return cur;
}

function setIn(obj: Record<string, unknown>, path: readonly string[], val: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    if (!isPlainObject(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = val;
}
