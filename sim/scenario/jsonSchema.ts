// JSON Schema of the scenario format, generated from the same zod schema that validates it, with
// every field described and every enumerated value described in `enumDescriptions` (the array
// editors' JSON and YAML language servers show beside completions), or on its `const`.
import * as z from 'zod';
import { scenarioSchema } from '../model/schema.js';
import { DISTRIBUTION_FIELDS, FIELD_DESCRIPTIONS } from './fieldDescriptions.js';
import { describeValues, longestEnding } from './valueDescriptions.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  describe(schema as Node, '');
  return { ...schema, $id: 'https://segsim.dev/schema/scenario-1.json', title: 'segsim scenario' };
}

type Node = { [key: string]: unknown };

/** A description the zod schema derives from a field's bounds alone: "between 0 and 1". */
const BOUNDS_ONLY = /^(between|above|at most|at least) /;

function describe(node: Node, path: string): void {
  const properties = node.properties as Record<string, Node> | undefined;
  if (properties !== undefined) {
    const distribution = Object.hasOwn(properties, 'dist');
    for (const [key, child] of Object.entries(properties)) {
      const at = path === '' ? key : `${path}.${key}`;
      const words = (distribution ? DISTRIBUTION_FIELDS[key] : undefined) ?? longestEnding(FIELD_DESCRIPTIONS, at);
      const own = child.description as string | undefined;
      if (words !== undefined && (own === undefined || BOUNDS_ONLY.test(own)))
        child.description = own === undefined ? words : `${words} (${own})`;
      describe(child, at);
    }
  }
  if (isNode(node.items)) describe(node.items, `${path}[]`);
  if (isNode(node.additionalProperties)) describe(node.additionalProperties, `${path}.*`);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(node[key])) for (const branch of node[key] as Node[]) describe(branch, path);
  const field = path.replace(/(\[\])+$/, '');
  if (Array.isArray(node.enum)) {
    const values = describeValues(field, node.enum);
    if (values !== undefined) node.enumDescriptions = values;
  }
  if (Object.hasOwn(node, 'const') && node.description === undefined) {
    const [words] = describeValues(field, [node.const]) ?? [];
    if (words !== undefined) node.description = words;
  }
}

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
