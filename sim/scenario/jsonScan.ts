// A JSON scanner for what JSON.parse does not tell: where the first syntax error is, and where
// each member of an object or element of an array starts. It builds no values; an index scans
// each container it is asked about once.

export interface JsonSyntax {
  offset: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly syntax: JsonSyntax) {
    super(syntax.message);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The first syntax error of a JSON text, or null when it is valid. */
export function jsonSyntaxError(text: string): JsonSyntax | null {
  try {
    const end = skipSpace(text, skipValue(text, skipSpace(text, 0)));
    return end < text.length ? { offset: end, message: 'unexpected text after the end of the document' } : null;
  } catch (err) {
    if (err instanceof Stop) return err.syntax;
    // The scan recurses once per level; JSON.parse does not, and refuses nothing for depth.
    if (err instanceof RangeError) return { offset: 0, message: 'lists and objects nest too deeply to read' };
    throw err;
  }
}

type Members = Map<string, { key: number; value: number }> | number[];

/** Where the nodes of a valid JSON text start. */
export class JsonIndex {
  private readonly members = new Map<number, Members>();

  constructor(private readonly text: string) {}

  /** The offset of the deepest node on `path` (of its key when `at` is 'key') and how many segments were found. */
  find(path: readonly (string | number)[], at: 'value' | 'key'): { offset: number; depth: number } {
    let offset = skipSpace(this.text, 0);
    let depth = 0;
    for (const [i, seg] of path.entries()) {
      const kids = this.membersAt(offset);
      const kid = Array.isArray(kids) ? (typeof seg === 'number' ? kids[seg] : undefined) : kids?.get(String(seg));
      if (kid === undefined) break;
      const last = i === path.length - 1;
      offset = typeof kid === 'number' ? kid : last && at === 'key' ? kid.key : kid.value;
      depth++;
      if (last && at === 'key') break;
    }
    return { offset, depth };
  }

  private membersAt(offset: number): Members | undefined {
    const open = this.text[offset];
    if (open !== '{' && open !== '[') return undefined;
    let found = this.members.get(offset);
    if (found === undefined) {
      try {
        found = scanMembers(this.text, offset);
      } catch (err) {
        // Too deep to scan: the message points at the container instead.
        if (err instanceof RangeError) return undefined;
        throw err;
      }
      this.members.set(offset, found);
    }
    return found;
  }
}

function scanMembers(text: string, open: number): Members {
  const object = text[open] === '{';
  const members: Members = object ? new Map() : [];
  let i = skipSpace(text, open + 1);
  if (text[i] === (object ? '}' : ']')) return members;
  for (;;) {
    if (members instanceof Map) {
      const key = i;
      const end = skipString(text, i);
      const name = JSON.parse(text.slice(key, end)) as string;
      i = skipSpace(text, skipSpace(text, end) + 1);
      members.set(name, { key, value: i });
    } else members.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ',') return members;
    i = skipSpace(text, i + 1);
  }
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

function fail(offset: number, message: string): never {
  throw new Stop({ offset, message });
}

/** The offset just past the value that starts at i. */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '{' || c === '[') return skipContainer(text, i);
  if (c === '"') return skipString(text, i);
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  return fail(
    i,
    i >= text.length ? 'the document ends where a value should be' : `expected a value, found ${shown(text, i)}`,
  );
}

function skipContainer(text: string, open: number): number {
  const object = text[open] === '{';
  const close = object ? '}' : ']';
  let i = skipSpace(text, open + 1);
  if (text[i] === close) return i + 1;
  for (;;) {
    if (object) {
      if (text[i] !== '"') fail(i, `expected a double-quoted key, found ${shown(text, i)}`);
      i = skipSpace(text, skipString(text, i));
      if (text[i] !== ':') fail(i, `expected ':' after a key, found ${shown(text, i)}`);
      i = skipSpace(text, i + 1);
    }
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === close) return i + 1;
    if (text[i] !== ',')
      fail(i, `expected ',' or '${close}' after ${object ? 'a value' : 'an element'}, found ${shown(text, i)}`);
    i = skipSpace(text, i + 1);
  }
}

function skipString(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    if (i >= text.length) fail(open, 'a string is not closed');
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32)
      fail(i, 'a control character (such as a line break) inside a string: write it as an escape such as \\n');
    if (c === 92) {
      const e = text[i + 1];
      if (e === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) fail(i, 'a \\u escape needs four hex digits');
        i += 6;
        continue;
      }
      if (e === undefined || !ESCAPES.has(e)) fail(i, `unknown escape \\${e ?? ''} in a string`);
      i += 2;
      continue;
    }
    i++;
  }
}

function shown(text: string, i: number): string {
  if (i >= text.length) return 'the end of the document';
  const c = text[i]!;
  return c < ' ' ? JSON.stringify(c) : `'${c}'`;
}
