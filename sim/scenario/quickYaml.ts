// A quick reader for YAML scenario files: js-yaml reads a file several times faster than the
// `yaml` package (whose locations the error messages need). It takes the `yaml` package's YAML
// 1.2 core schema, tag for tag, and gives up (undefined) wherever the two could differ: a
// syntax problem or duplicate key, a %directive (it may switch YAML versions), what may be a
// list or mapping used as a key (the exact reader refuses it), a value that is not a mapping,
// an alias of a list or mapping (the exact reader bounds their expansion). Giving up only
// costs time: the exact reader then reads the file.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isMapping } from './source.js';

/** A core-schema tag of the `yaml` package: which plain scalars it takes and their value. */
const coreTag = (tag: string, forms: readonly [RegExp, (s: string) => unknown][]) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string) => forms.some(([re]) => re.test(s)),
    construct: (s: string) => forms.find(([re]) => re.test(s))![1](s),
  });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreTag('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
    coreTag('bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]),
    coreTag('int', [
      [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
      [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
      [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
    ]),
    coreTag('float', [
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity),
      ],
      [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat],
      [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat],
    ]),
  ],
});

/** An explicit key (`? `) or a flow list or mapping before a colon; a question mark in prose matches too. */
const MAYBE_COLLECTION_KEY = /(?:^|[\s,[{])\?(?:\s|$)|[\]}]\s*:(?:\s|$)/m;

/** The file's mapping as the exact reader would give it, or undefined when this reader cannot say. */
export function quickYaml(text: string): Record<string, unknown> | undefined {
  if (/^%/m.test(text) || MAYBE_COLLECTION_KEY.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE });
  } catch {
    return undefined;
  }
  return isMapping(value) && !sharesCollections(value) ? value : undefined;
}

/** Whether a list or mapping appears twice: an alias of it. */
function sharesCollections(root: object): boolean {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (child !== null && typeof child === 'object') stack.push(child);
  }
  return false;
}
