// The JSON scanner behind located messages for JSON scenario files: it calls valid exactly what
// JSON.parse does, and finds every node where the text has it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonIndex, jsonSyntaxError } from '../../sim/scenario/jsonScan.js';

type Path = (string | number)[];

function* nodes(value: unknown, path: Path = []): Generator<[Path, unknown]> {
  yield [path, value];
  if (value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) yield* nodes(v, [...path, k]);
}

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonSyntaxError', () => {
  it('finds an error exactly when JSON.parse does', () => {
    const edited = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.nat({ max: 2 }),
        fc.constantFrom('', '"', ',', '}', ']', ':', '\\', '\n', 'x', '0', '-', ' '),
      )
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(edited, (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('says where and what', () => {
    expect(jsonSyntaxError('{"a": [1, 2,]}')).toEqual({ offset: 12, message: "expected a value, found ']'" });
    expect(jsonSyntaxError('{"a": "\\q"}')).toEqual({ offset: 7, message: 'unknown escape \\q in a string' });
    expect(jsonSyntaxError('{"a": "b')).toEqual({ offset: 6, message: 'a string is not closed' });
    expect(jsonSyntaxError('{} x')).toEqual({ offset: 3, message: 'unexpected text after the end of the document' });
  });

  it('reports nesting too deep to scan instead of overflowing', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toEqual({
      offset: 0,
      message: 'lists and objects nest too deeply to read',
    });
    const deep = `{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "b": 1}`;
    expect(new JsonIndex(deep).find(['a', 0], 'value')).toEqual({ offset: 0, depth: 0 });
  });
});

describe('JsonIndex', () => {
  it('finds every node, and every key, where the text has it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const index = new JsonIndex(text);
        for (const [path, node] of nodes(value)) {
          const { offset, depth } = index.find(path, 'value');
          expect(depth).toBe(path.length);
          if (node !== null && typeof node === 'object') expect(text[offset]).toBe(Array.isArray(node) ? '[' : '{');
          else expect(text.startsWith(JSON.stringify(node), offset)).toBe(true);
          const last = path[path.length - 1];
          if (typeof last === 'string')
            expect(text.startsWith(JSON.stringify(last), index.find(path, 'key').offset)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the deepest node a path names', () => {
    const index = new JsonIndex('{ "a": { "b": [10, 20] } }');
    expect(index.find(['a', 'b', 1], 'value')).toEqual({ offset: 19, depth: 3 });
    expect(index.find(['a', 'c', 0], 'value')).toEqual({ offset: 7, depth: 1 });
    expect(index.find(['a', 'b', 5], 'value')).toEqual({ offset: 14, depth: 2 });
  });
});
