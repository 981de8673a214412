// The optimized static blast radius (hopeless-target cache, per-group target lists, brokered
// targets limited to what a rule names, probe times deduplicated) must give exactly what the
// plain fixed point gives, paths and foothold order included.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { loadScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/model/schema.js';
import { anyMutation, plantOf, plantSpec } from '../helpers/mutations.js';
import { generated, parseScenario } from '../helpers/plants.js';
import { referenceBlastRadius } from '../helpers/referenceBlastRadius.js';

function compareAll(scenario: Scenario): void {
  const model = buildPlantModel(scenario);
  for (const design of scenario.designs)
    for (const attack of scenario.attacks) {
      // Separate access layers: the optimized run must not lean on caches the reference filled.
      const fast = staticBlastRadius(new AccessLayer(model, design), attack);
      const slow = referenceBlastRadius(new AccessLayer(model, design), attack);
      expect(fast, `${design.id} / ${attack.id}`).toEqual(slow);
    }
}

describe('staticBlastRadius matches the reference fixed point', () => {
  it.each(readdirSync('scenarios').filter((f) => f.endsWith('.yaml')))('on scenarios/%s', (file) => {
    const loaded = loadScenario(join('scenarios', file));
    if (!loaded.ok) throw new Error(`scenarios/${file} does not load`);
    compareAll(loaded.scenario);
  });

  it.each([
    [60, 2, 1],
    [400, undefined, 2],
    [1500, undefined, 3],
  ])('on a generated plant of %i assets (%s lines, seed %i)', (assets, lines, seed) => {
    compareAll(generated(assets, lines, seed));
  });

  it('on random plants with random conduits, credentials, rules and phishing', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 5 }), (spec, mutations) =>
        compareAll(parseScenario(plantOf(spec, mutations))),
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
