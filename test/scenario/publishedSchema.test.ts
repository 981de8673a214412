import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../sim/scenario/jsonSchema.js';

describe('the published JSON Schema', () => {
  it('is the one the validating schema generates (refresh with: segsim schema > reports/segsim.schema.json)', () => {
    expect(readFileSync('reports/segsim.schema.json', 'utf8')).toBe(
      `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`,
    );
  });
});
