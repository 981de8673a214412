// Static blast radius on generated plants of 1,000 to 100,000 assets, each design under the attack
// that reaches most under it. Targets: under 50 ms per computation at 10,000 assets, under 500 ms
// at 100,000. The
// plant of each size is generated, validated and compiled before its first case (outside the
// timings, inside the memory watch) and dropped after its last. Prints a summary when done.
import { bench, describe } from 'vitest';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { scenarioSchema, type Attack, type Scenario } from '../../sim/model/schema.js';
import { BenchReport, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const ITERATIONS = 15;
const SIZES = [1_000, 10_000, 50_000, 100_000] as const;
const CASES: [string, string][] = [
  ['vpn-flat', 'stolen-vendor-credential'],
  ['vpn-segmented', 'compromised-vendor-laptop'],
  ['zt', 'compromised-vendor-laptop'],
];

interface Plant {
  scenario: Scenario;
  model: PlantModel;
}

const buildMs = new Map<number, number>();
const owned = new Map<string, number>();
const label = (assets: number, [design, attack]: [string, string]) => `${num(assets)} assets, ${design} / ${attack}`;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = SIZES.flatMap((assets) =>
    CASES.map((c) => {
      const r = results.get(label(assets, c));
      const name = `${c[0]} / ${c[1]}`;
      if (r === undefined) return [num(assets), name, 'failed'];
      return [
        num(assets),
        name,
        num(r.medianWallMs, 1),
        num(r.medianCpuMs, 1),
        num(owned.get(label(assets, c)) ?? 0),
        num(buildMs.get(assets) ?? NaN),
        num(r.memory.rssMiB),
        num(r.memory.heapGrowthMiB),
      ];
    }),
  );
  return formatTable(
    `Static blast radius, median of ${ITERATIONS} computations (plant build = generate + validate + compile, untimed by the cases)`,
    ['assets', 'design / attack', 'ms wall', 'ms CPU', 'owned', 'plant build ms', 'peak RSS MiB', 'heap +MiB'],
    rows,
  );
}

const report = new BenchReport(summarize);

for (const assets of SIZES) {
  describe(`static blast radius, ${num(assets)} assets`, () => {
    let plant: Plant | undefined;
    const build = (): Plant => {
      const t0 = performance.now();
      const scenario = scenarioSchema.parse(generatePlant({ assets, seed: 1 }));
      const model = buildPlantModel(scenario);
      buildMs.set(assets, performance.now() - t0);
      return { scenario, model };
    };
    CASES.forEach((c, k) => {
      let access: AccessLayer | undefined;
      let attack: Attack | undefined;
      bench(
        ...report.case(
          label(assets, c),
          () => {
            owned.set(label(assets, c), staticBlastRadius(access!, attack!).assets.length);
            return 1;
          },
          {
            iterations: ITERATIONS,
            warmupIterations: 3,
            prepare: () => {
              plant ??= build();
              access = new AccessLayer(plant.model, plant.scenario.designs.find((d) => d.id === c[0])!);
              attack = plant.scenario.attacks.find((a) => a.id === c[1])!;
            },
            release: () => {
              access = undefined;
              if (k === CASES.length - 1) plant = undefined;
            },
          },
        ),
      );
    });
  });
}
