// Runs on random plants whose hosts carry firewalls, service authentication, privilege-scoped
// caches, documents, escalations and hidden hosts never take what the static worst case cannot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { anyMutation, hostMutation, plantOf, plantSpec } from '../helpers/mutations.js';
import { parseScenario } from '../helpers/plants.js';

describe('runs on random plants with host security', () => {
  it('never own an asset outside the static blast radius, whether harvests are free or cost a step', () => {
    let localSteps = 0;
    fc.assert(
      fc.property(
        plantSpec,
        fc.array(fc.oneof(hostMutation, anyMutation), { minLength: 2, maxLength: 10 }),
        fc.nat(10_000),
        fc.boolean(),
        (spec, mutations, runSeed, costlyHarvest) => {
          const input = plantOf(spec, mutations);
          if (costlyHarvest) input.techniques = { T0893: { duration: 0.25, probability: 0.8 } };
          const scenario = parseScenario(input);
          const model = buildPlantModel(scenario);
          for (const design of scenario.designs) {
            const access = new AccessLayer(model, design);
            for (const attack of scenario.attacks) {
              const radius = new Set(staticBlastRadius(access, attack).assets);
              const { result } = runSimulation(model, access, attack, { seed: runSeed });
              localSteps += result.trace.filter(
                (e) => e.type === 'attack.harvest' || e.type === 'attack.read' || e.type === 'attack.escalate',
              ).length;
              const outside = result.compromised.filter((a) => !radius.has(a));
              expect(outside, `${design.id} × ${attack.id}, run seed ${runSeed}`).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
    expect(localSteps).toBeGreaterThan(0);
  });
});
