// YAML scenario files. The `yaml` package reads every file exactly and locates every node; a
// file that the quick reader takes as it would (quickYaml.ts) is read by that instead, and the
// exact reader runs only when a problem needs a line and column.
import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { IssuePath, ScenarioIssue } from './issues.js';
import { quickYaml } from './quickYaml.js';
import { isMapping, type LocateAt, type Position, type Source } from './source.js';

interface Parsed {
  doc: Document;
  lines: LineCounter;
}

export function yamlSource(file: string, text: string, issues: ScenarioIssue[], quote = true): Source | undefined {
  const quick = quickYaml(text);
  if (quick !== undefined) {
    let parsed: Parsed | undefined;
    return located(file, quick, () => (parsed ??= parse(text)));
  }
  const parsed = parse(text);
  const value = exactValue(file, parsed, issues, quote);
  return value === undefined ? undefined : located(file, value, () => parsed);
}

function parse(text: string): Parsed {
  const lines = new LineCounter();
  // The parser's own duplicate-key check compares every pair of keys; exactValue uses a set.
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
}

/** The document's value, or its problems located. */
function exactValue(
  file: string,
  { doc, lines }: Parsed,
  issues: ScenarioIssue[],
  quote: boolean,
): Record<string, unknown> | undefined {
  const at = (offset: number | undefined, message: string): ScenarioIssue => {
    const pos = lines.linePos(offset ?? 0);
    return { file, line: Math.max(1, pos.line), col: Math.max(1, pos.col), path: [], message };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      issues.push(at(e.pos[0], quote ? `YAML syntax: ${firstLine(e.message)}` : `YAML syntax error (${e.code})`));
    return undefined;
  }
  // What toJS would warn about or throw on, located here instead.
  const structural: ScenarioIssue[] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key))
          structural.push(at((pair.key as YamlNode | null)?.range?.[0], 'YAML syntax: Map keys must be unique'));
        seen.add(key);
      }
    },
    Pair: (_, pair) => {
      if (isCollection(pair.key))
        structural.push(at(pair.key.range?.[0], 'YAML: a key must be a plain value, not a list or mapping'));
    },
    Alias: (_, alias) => {
      if (alias.resolve(doc) === undefined)
        structural.push(
          at(
            alias.range?.[0],
            quote
              ? `YAML: unknown alias *${alias.source} (the &${alias.source} anchor must come before it)`
              : 'YAML: unknown alias (its anchor must come before it)',
          ),
        );
    },
  });
  if (structural.length > 0) {
    issues.push(...structural);
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const reason = quote ? firstLine(err instanceof Error ? err.message : String(err)) : 'cannot be read as data';
    issues.push(at(doc.contents?.range?.[0], `YAML: ${reason}`));
    return undefined;
  }
  if (!isMapping(value)) {
    issues.push(at(doc.contents?.range?.[0], 'a scenario file must be a YAML mapping (key: value pairs)'));
    return undefined;
  }
  return value;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function located(file: string, value: Record<string, unknown>, parsed: () => Parsed): Source {
  return {
    file,
    value,
    position: (path, at) => position(parsed(), path, at),
    depth: (path) => {
      const { doc } = parsed();
      let n = 0;
      while (n < path.length && doc.hasIn(path.slice(0, n + 1))) n++;
      return n;
    },
  };
}

/** The deepest YAML node on `path`; a missing key points at its parent. */
function position({ doc, lines }: Parsed, path: IssuePath, at: LocateAt): Position {
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const val = pair.value as YamlNode | null;
      const last = i === path.length - 1;
      offset = (last && at === 'key' ? key?.range?.[0] : undefined) ?? val?.range?.[0] ?? key?.range?.[0] ?? offset;
      node = val;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = lines.linePos(offset);
  return { line: Math.max(1, pos.line), col: Math.max(1, pos.col) };
}
