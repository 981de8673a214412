// JSON scenario files: the same schema as YAML, read by JSON.parse (far faster than any YAML
// reader on a big generated plant), and located by a scanner only when a problem needs it.
import type { ScenarioIssue } from './issues.js';
import { JsonIndex, jsonSyntaxError } from './jsonScan.js';
import { isMapping, type Position, type Source } from './source.js';

/** `quote` false: a syntax error is named without the characters found there. */
export function jsonSource(file: string, raw: string, issues: ScenarioIssue[], quote = true): Source | undefined {
  // A byte-order mark becomes a space: JSON.parse refuses the one and skips the other, offsets stay.
  const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
  const lineStarts = lazyLineStarts(text);
  const at = (offset: number): Position => position(lineStarts(), offset);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message varies between Node versions and may lack a position.
    const syntax = jsonSyntaxError(text) ?? { offset: 0, message: 'not valid JSON' };
    const message = quote ? `JSON syntax: ${syntax.message}` : 'JSON syntax error';
    issues.push({ file, ...at(syntax.offset), path: [], message });
    return undefined;
  }
  if (!isMapping(value)) {
    issues.push({ file, ...at(0), path: [], message: 'a scenario file must be a JSON object ({"key": value, …})' });
    return undefined;
  }
  let index: JsonIndex | undefined;
  const find = (path: Parameters<JsonIndex['find']>[0], where: 'value' | 'key') =>
    (index ??= new JsonIndex(text)).find(path, where);
  return {
    file,
    value,
    position: (path, where) => at(find(path, where).offset),
    depth: (path) => find(path, 'value').depth,
  };
}

function lazyLineStarts(text: string): () => number[] {
  let starts: number[] | undefined;
  return () => {
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    return starts;
  };
}

function position(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
