import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_FIELDS, FIELD_DESCRIPTIONS } from '../../sim/scenario/fieldDescriptions.js';
import { scenarioJsonSchema } from '../../sim/scenario/jsonSchema.js';
import { VALUE_DESCRIPTIONS } from '../../sim/scenario/valueDescriptions.js';

type Node = Record<string, unknown>;

interface Walked {
  /** Field paths, list items as [] and record entries as *. */
  fields: Set<string>;
  undescribed: string[];
}

/** Every field, enumeration and literal value of the schema, and those without words for people. */
function walk(schema: Node): Walked {
  const out: Walked = { fields: new Set(), undescribed: [] };
  const visit = (node: Node, path: string) => {
    for (const [key, child] of Object.entries((node.properties as Record<string, Node>) ?? {})) {
      const at = path === '' ? key : `${path}.${key}`;
      out.fields.add(at);
      if (typeof child.description !== 'string' || child.description === '') out.undescribed.push(at);
      visit(child, at);
    }
    if (node.items && typeof node.items === 'object') visit(node.items as Node, `${path}[]`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      visit(node.additionalProperties as Node, `${path}.*`);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const branch of (node[key] as Node[] | undefined) ?? []) visit(branch, path);
    if (Array.isArray(node.enum)) {
      const words = node.enumDescriptions as unknown[] | undefined;
      node.enum.forEach((v, i) => {
        if (typeof words?.[i] !== 'string' || words[i] === '') out.undescribed.push(`${path} = ${JSON.stringify(v)}`);
      });
    }
    if (Object.hasOwn(node, 'const') && (typeof node.description !== 'string' || node.description === ''))
      out.undescribed.push(`${path} = ${JSON.stringify(node.const)}`);
  };
  visit(schema, '');
  return out;
}

const schema = scenarioJsonSchema();
const { fields, undescribed } = walk(schema);

describe('the published JSON Schema', () => {
  it('is the one the validating schema generates (refresh with: segsim schema > reports/segsim.schema.json)', () => {
    expect(readFileSync('reports/segsim.schema.json', 'utf8')).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  it('describes every field and every value of every enumeration (in enumDescriptions, or on its const)', () => {
    expect(fields.size).toBeGreaterThan(250);
    expect(undescribed).toEqual([]);
  });

  it('has no description for a field or value that does not exist', () => {
    const ends = (key: string) => [...fields].some((f) => f === key || f.endsWith(`.${key}`));
    expect(Object.keys(FIELD_DESCRIPTIONS).filter((k) => !ends(k))).toEqual([]);
    expect(Object.keys(VALUE_DESCRIPTIONS).filter((k) => !ends(k))).toEqual([]);
    expect(Object.keys(DISTRIBUTION_FIELDS).filter((k) => !ends(`dist`) || !ends(k))).toEqual([]);
  });

  it('carries the words where editors look for them', () => {
    const assets = (schema.properties as Record<string, Node>).plant as Node;
    const asset = ((assets.properties as Record<string, Node>).assets!.items as Node).properties as Record<
      string,
      Node
    >;
    expect(asset.kind!.enumDescriptions).toContain('PLC: controls a physical process: commanding it impacts its line');
    expect(asset.ip!.description).toBe("IPv4 address inside its zone's subnet");
    const walkedAgain = walk(JSON.parse(readFileSync('reports/segsim.schema.json', 'utf8')) as Node);
    expect(walkedAgain.undescribed).toEqual([]);
  });
});
