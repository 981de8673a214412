// The quick YAML reader gives what the exact one (the yaml package) gives, or gives up.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { quickYaml } from '../../sim/scenario/quickYaml.js';

const exact = (text: string): unknown => {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? 'error' : doc.toJS({ maxAliasCount: 1000 });
};

/** The quick reader's value when it gives one; it must then be the exact reader's. */
const agrees = (text: string): boolean => {
  const quick = quickYaml(text);
  if (quick !== undefined) expect(quick).toEqual(exact(text));
  return quick !== undefined;
};

describe('quickYaml', () => {
  it('reads the bundled scenarios as the yaml package does, or leaves them to it', () => {
    const read = readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml'))
      .filter((f) => agrees(readFileSync(`scenarios/${f}`, 'utf8')));
    expect(read).toContain('pharma.yaml');
  });

  it('resolves plain scalars by the YAML 1.2 core schema, like the yaml package', () => {
    const scalars = ['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'TRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'y'];
    scalars.push('0o17', '0o8', '0x1F', '0x', '017', '+12', '-0', '1_000', '1e3', '1.5e-3', '.5', '5.', '+.5', '1.');
    scalars.push('.inf', '-.Inf', '+.INF', '.NaN', '.nan', '0b101', '12:30', '2024-01-01', '1,000', '0.1.2', '0.');
    for (const s of scalars) expect(agrees(`a: ${s}\nb: [${s}]\n`), s).toBe(true);
    for (const s of ['!!str 5', '!!int "7"', '!!float 1', '!!bool true', '!!null ""']) agrees(`a: ${s}\n`);
  });

  it('gives up where the two readers could differ', () => {
    const unsure = [
      '%YAML 1.1\n---\na: yes\n',
      'a: 1\na: 2\n',
      '? [a]\n: 1\n',
      '[a]: 1\n',
      'a: &x [1, 2]\nb: *x\n',
      'a: [1\n',
      '- a\n- b\n',
      'a: !custom 1\n',
    ];
    for (const text of unsure) expect(quickYaml(text), text).toBeUndefined();
    expect(agrees('a: &x 1\nb: *x\n')).toBe(true);
  });

  it('gives up at once on an alias bomb', () => {
    const levels = Array.from({ length: 30 }, (_, i) => `l${i + 1}: &l${i + 1} [*l${i}, *l${i}]`);
    const bomb = `l0: &l0 [x]\n${levels.join('\n')}\n`;
    const t0 = performance.now();
    expect(quickYaml(bomb)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('agrees on any mapping the yaml package writes, in any style', () => {
    const styles = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      lineWidth: fc.constantFrom(0, 20, 80),
    } as const);
    const key = fc.oneof(fc.string(), fc.constantFrom('id', 'null', 'true', '1', '0x1', '- a', 'a: b', '#'));
    const value = fc.jsonValue();
    let quick = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1 }), styles, (doc, options) => {
        if (agrees(stringify(doc, options))) quick++;
      }),
      { numRuns: 500 },
    );
    expect(quick).toBeGreaterThan(250);
  });
});
