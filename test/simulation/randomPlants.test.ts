import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { scenarioSchema } from '../../sim/model/schema.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';

describe('runs on random plants', () => {
  it('never own an asset outside the static blast radius of the same design and attack', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 120 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(10_000),
        fc.nat(10_000),
        fc.constantFrom(0, 0.5, 1),
        (assets, lines, plantSeed, runSeed, approvalFatigue) => {
          const scenario = scenarioSchema.parse(generatePlant({ assets, lines, seed: plantSeed }));
          const model = buildPlantModel(scenario);
          for (const design of scenario.designs) {
            const access = new AccessLayer(model, design);
            // An approver that can be talked round widens the static worst case as much as the runs.
            for (const attack of scenario.attacks.map((a) => ({ ...a, approvalFatigue }))) {
              const radius = new Set(staticBlastRadius(access, attack).assets);
              const { result } = runSimulation(model, access, attack, { seed: runSeed, trace: false });
              const outside = result.compromised.filter((a) => !radius.has(a));
              expect(
                outside,
                `${design.id} × ${attack.id}, plant seed ${plantSeed}, run seed ${runSeed}, approval fatigue ${approvalFatigue}`,
              ).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
