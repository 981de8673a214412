// The defenders' laws on random plants, on common random numbers: better or faster detection and
// a faster response never raise mean production loss beyond noise. "Beyond noise": the paired 95%
// confidence interval of (better − worse) lies entirely above zero.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../sim/metrics/statistics.js';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { type Attack, type Design, scenarioSchema } from '../../sim/model/schema.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';

const RUNS = 30;

/** Production loss of each of RUNS runs, seeds `base:i`: the same seeds for every variant. */
function losses(model: PlantModel, design: Design, attack: Attack, base: number): number[] {
  const access = new AccessLayer(model, design);
  return Array.from(
    { length: RUNS },
    (_, i) =>
      runSimulation(model, access, attack, { seed: `${base}:${i}`, trace: false }).result.metrics.productionLoss,
  );
}

/** Every design with a response, under every attack, on a generated plant. */
function cases(assets: number, lines: number, plantSeed: number) {
  const scenario = scenarioSchema.parse(generatePlant({ assets, lines, seed: plantSeed }));
  const model = buildPlantModel(scenario);
  return scenario.designs
    .filter((d) => d.response !== undefined)
    .flatMap((design) => scenario.attacks.map((attack) => ({ model, design, attack })));
}

function neverWorse(better: number[], worse: number[], what: string): void {
  const ci = pairedDifference(better, worse).ci95;
  expect(ci === null || ci[0] <= 0, `${what}: better − worse, 95% CI ${ci?.join(' to ')}`).toBe(true);
}

const plants = fc.tuple(fc.integer({ min: 30, max: 80 }), fc.integer({ min: 1, max: 3 }), fc.nat(10_000), fc.nat(1000));

describe('on random plants, the defenders', () => {
  it('lose no more with more sensitive sensors', () => {
    fc.assert(
      fc.property(plants, ([assets, lines, plantSeed, runSeed]) => {
        for (const { model, design, attack } of cases(assets, lines, plantSeed)) {
          const scaled = (k: number): Design => ({
            ...design,
            sensors: design.sensors.map((s) => ({ ...s, probability: Math.min(1, s.probability * k) })),
          });
          neverWorse(
            losses(model, scaled(3), attack, runSeed),
            losses(model, scaled(0.25), attack, runSeed),
            `${design.id} × ${attack.id}, plant ${assets}/${lines}/${plantSeed}, seed ${runSeed}`,
          );
        }
      }),
      { numRuns: 4, seed: 42 },
    );
  });

  it('lose no more with a faster response', () => {
    fc.assert(
      fc.property(plants, ([assets, lines, plantSeed, runSeed]) => {
        for (const { model, design, attack } of cases(assets, lines, plantSeed)) {
          const within = (hours: number): Design => ({
            ...design,
            response: { ...design.response!, time: { dist: 'constant', value: hours } },
          });
          neverWorse(
            losses(model, within(0.5), attack, runSeed),
            losses(model, within(48), attack, runSeed),
            `${design.id} × ${attack.id}, plant ${assets}/${lines}/${plantSeed}, seed ${runSeed}`,
          );
        }
      }),
      { numRuns: 4, seed: 42 },
    );
  });
});
