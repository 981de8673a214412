// Reads a scenario file and the files it imports, merges them, and maps any field path of the
// merged document back to the file, line and column it came from.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type IssuePath, namedPath, type ScenarioIssue } from './issues.js';
import { outsideRoot, readScenarioText } from './readLimited.js';
import { scenarioObjectSchema } from '../model/schema.js';
import { parseSource, readableExtension } from './parseSource.js';
import type { LocateAt, Source } from './source.js';

export type { LocateAt } from './source.js';

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

interface Origin {
  source: Source;
  index: number;
}

export interface MergedSources {
  value: Record<string, unknown>;
  locate(path: IssuePath, message: string, at?: LocateAt): ScenarioIssue;
}

export type SourcesResult = { ok: true; merged: MergedSources } | { ok: false; issues: ScenarioIssue[] };

interface Visit {
  abs: string;
  shown: string;
}

export interface SourceOptions {
  /** Folder every import must lie under (symbolic links followed); default: the main file's folder. */
  importRoot?: string;
}

const SCENARIO_KEYS = new Set(Object.keys(scenarioObjectSchema.shape));

/**
 * Reads `file` and its imports. An import must be a regular file under the import root, and
 * problems in an import that is not a scenario are reported at the import without quoting it.
 */
export function readSources(file: string, displayFile = file, options: SourceOptions = {}): SourcesResult {
  const root = options.importRoot ?? dirname(resolve(file));
  const issues: ScenarioIssue[] = [];
  const sources: Source[] = [];
  // A file imported twice (a diamond) is read and merged once.
  const done = new Map<string, Source | undefined>();
  const visit = (at: Visit, stack: Visit[], importedFrom?: (message: string) => ScenarioIssue): Source | undefined => {
    if (done.has(at.abs)) return done.get(at.abs);
    const outside = importedFrom === undefined ? null : outsideRoot(at.abs, root);
    const read = outside === null ? readScenarioText(at.abs) : { ok: false as const, reason: outside };
    if (!read.ok)
      issues.push(
        importedFrom?.(`cannot read imported file "${at.shown}": ${read.reason}`) ?? {
          file: at.shown,
          line: 1,
          col: 1,
          path: [],
          message: `cannot read file: ${read.reason}`,
        },
      );
    const source = !read.ok
      ? undefined
      : importedFrom === undefined
        ? parseSource(at.shown, read.text, issues)
        : parseImport(at.shown, read.text, issues, importedFrom);
    if (source !== undefined) {
      const imports = source.value.imports;
      if (Array.isArray(imports)) {
        imports.forEach((imp, i) => {
          if (typeof imp !== 'string') return;
          const next: Visit = {
            abs: resolve(dirname(at.abs), imp),
            shown: isAbsolute(imp) ? imp : join(dirname(at.shown), imp),
          };
          if (stack.some((v) => v.abs === next.abs)) {
            issues.push(
              locateIn(source, ['imports', i], `import cycle: ${[...stack, next].map((v) => v.shown).join(' -> ')}`),
            );
            return;
          }
          visit(next, [...stack, next], (message) => locateIn(source, ['imports', i], message));
        });
      }
      sources.push(source);
    }
    done.set(at.abs, source);
    return source;
  };
  const start: Visit = { abs: resolve(file), shown: displayFile };
  const main = visit(start, [start]);
  if (main === undefined || issues.length > 0) return { ok: false, issues };
  return { ok: true, merged: merge(main, sources) };
}

/**
 * An imported file is shown in messages only once it parses as a scenario (a mapping of scenario
 * sections): a scenario shared for review must not make the tool print some other file it names.
 */
function parseImport(
  file: string,
  text: string,
  issues: ScenarioIssue[],
  importedFrom: (message: string) => ScenarioIssue,
): Source | undefined {
  if (!readableExtension(file)) {
    issues.push(importedFrom(`imported file "${file}" is not a scenario file: name it .yaml, .yml or .json`));
    return undefined;
  }
  const source = parseSource(file, text, issues, false);
  if (source === undefined) return undefined;
  const notScenario = (why: string) =>
    issues.push(importedFrom(`imported file "${file}" is not a scenario: ${why} (its content is not shown)`));
  const unknown = Object.keys(source.value).filter((k) => !SCENARIO_KEYS.has(k)).length;
  if (unknown > 0) {
    notScenario(
      `${unknown} of its top-level keys ${unknown === 1 ? 'is not a scenario section' : 'are not scenario sections'}`,
    );
    return undefined;
  }
  return source;
}

/** Sources are in dependency order with the main file last; the main file wins for scalars. */
function merge(main: Source, sources: Source[]): MergedSources {
  const value: Record<string, unknown> = {};
  for (const s of sources) deepAssign(value, s.value);
  const origins = new Map<string, Origin[]>();
  const owners = new Map<string, Source>();
  for (const section of LIST_SECTIONS) {
    // A section that is not a list in some file is kept as it is, for the schema to report there.
    const notList = sources.find(
      (s) => getIn(s.value, section) !== undefined && !Array.isArray(getIn(s.value, section)),
    );
    if (notList !== undefined) {
      setIn(value, section, getIn(notList.value, section));
      owners.set(section.join('.'), notList);
      continue;
    }
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
  const locate = (path: IssuePath, message: string, at: LocateAt = 'value'): ScenarioIssue => {
    // Ids are named in the merged document, whose paths `--set` takes; indices stay each file's own.
    const named = namedPath(path, value);
    for (const section of LIST_SECTIONS) {
      if (!section.every((k, i) => path[i] === k)) continue;
      const owner = owners.get(section.join('.'));
      if (owner) return locateIn(owner, path, message, path, at, named);
      const origin =
        typeof path[section.length] === 'number'
          ? origins.get(section.join('.'))?.[path[section.length] as number]
          : undefined;
      // The field path names the item as it stands in its own file, like the line and column do.
      if (origin) {
        const local = [...section, origin.index, ...path.slice(section.length + 1)];
        return locateIn(origin.source, local, message, local, at, named);
      }
    }
    // Elsewhere the file holding the longest part of the path owns it; on a tie the later file, which won the merge.
    let owner = main;
    let best = -1;
    for (const s of sources) {
      const n = s.depth(path);
      if (n >= best) [owner, best] = [s, n];
    }
    return locateIn(owner, path, message, path, at, named);
  };
  return { value, locate };
}

/** The node at `path` in a file; a missing key points at its parent. */
function locateIn(
  source: Source,
  path: IssuePath,
  message: string,
  shownPath: IssuePath = path,
  at: LocateAt = 'value',
  named?: IssuePath,
): ScenarioIssue {
  return {
    file: source.file,
    ...source.position(path, at),
    path: shownPath,
    ...(named === undefined ? {} : { named }),
    message,
  };
}

function deepAssign(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    // Own properties only: a "__proto__" key is data, never the prototype.
    const cur = Object.hasOwn(target, k) ? target[k] : undefined;
    const next =
      isPlainObject(cur) && isPlainObject(v) ? (deepAssign(cur, v), cur) : isPlainObject(v) ? structuredCopy(v) : v;
    Object.defineProperty(target, k, { value: next, writable: true, enumerable: true, configurable: true });
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
    if (cur[k] === undefined) cur[k] = {};
    // A parent that is not a mapping stays as written, for the schema to report.
    if (!isPlainObject(cur[k])) return;
    cur = cur[k] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = val;
}
