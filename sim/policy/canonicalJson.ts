import canonicalizeModule from 'canonicalize';

// The package is CommonJS with an ESM-style `export default` typing: under
// NodeNext the default import is typed as the module object, while runtimes
// and bundlers hand over either the function or `{ default: fn }`.
type Canonicalize = (input: unknown) => string | undefined;
const imported = canonicalizeModule as unknown as Canonicalize | { default: Canonicalize };
const canonicalize: Canonicalize = typeof imported === 'function' ? imported : imported.default;

/** RFC 8785 canonical JSON (sorted keys, no whitespace, ECMAScript numbers). Throws on values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError(`cannot serialize ${typeof value} as JSON`);
  return text;
}
