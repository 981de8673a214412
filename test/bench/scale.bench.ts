// Monte Carlo throughput of whole experiments (every design on the same seeds, then the summaries,
// static worst cases and representative runs) on pharma.yaml and on a generated 10,000-asset plant:
// in process, and across 1 and 2 worker threads. Each worker loads a bundle of the simulator,
// builds the plant model itself and starts with cold JIT, so a worker experiment pays a start-up
// the in-process one does not. Prints a summary when done.
import { bench, describe } from 'vitest';
import { runExperiment, type ExperimentSpec } from '../../sim/experiment/runExperiment.js';
import { runExperimentParallel } from '../../sim/experiment/parallel.js';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { scenarioSchema, type Scenario } from '../../sim/model/schema.js';
import { pharma } from '../experiment/pharma.js';
import { BenchReport, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const ITERATIONS = 3;
const PLANTS: { name: string; runs: number; load: () => Scenario }[] = [
  { name: 'pharma.yaml', runs: 200, load: () => pharma().scenario },
  {
    name: 'generated, 10,000 assets',
    runs: 50,
    load: () => scenarioSchema.parse(generatePlant({ assets: 10_000, seed: 1 })),
  },
];
const MODES = ['in process', '1 worker', '2 workers'] as const;
type Mode = (typeof MODES)[number];

const label = (plant: string, mode: Mode) => `${plant}, ${mode}`;
/** Seconds from the start of each timed experiment to its first progress report: mostly worker start-up. */
const firstProgress = new Map<string, number[]>();
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
/** Runs per second of the median experiment: a shared machine gives some iterations long pauses. */
const rate = (r: CaseResult) => r.work / r.iterations / (r.medianWallMs / 1000);

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = PLANTS.flatMap((plant) =>
    MODES.map((mode) => {
      const r = results.get(label(plant.name, mode));
      if (r === undefined) return [plant.name, mode, 'failed'];
      const oneWorker = results.get(label(plant.name, '1 worker'));
      const speedup = mode === '2 workers' && oneWorker ? num(rate(r) / rate(oneWorker), 2) : '';
      const first = median(firstProgress.get(r.label)?.slice(-r.iterations) ?? []);
      return [
        plant.name,
        mode,
        num(r.work / r.iterations),
        num(r.medianWallMs / 1000, 2),
        num(first, 2),
        num(rate(r)),
        num(r.cpuMs / r.work, 1),
        speedup,
        num(r.memory.rssMiB),
        num(r.memory.heapGrowthMiB),
      ];
    }),
  );
  return formatTable(
    `Runs per second, whole experiments (all designs × N seeds, first attack), median of ${ITERATIONS} timed experiments per case`,
    [
      'plant',
      'mode',
      'runs/experiment',
      's/experiment',
      's to first progress',
      'runs/s wall',
      'CPU ms/run',
      '×1 worker',
      'peak RSS MiB',
      'heap +MiB',
    ],
    rows,
  );
}

const report = new BenchReport(summarize);

for (const plant of PLANTS) {
  describe(`experiments, ${plant.name}`, () => {
    let loaded: { model: PlantModel; spec: ExperimentSpec } | undefined;
    MODES.forEach((mode, k) => {
      const body = async () => {
        const { model, spec } = loaded!;
        const workers = mode === '2 workers' ? 2 : 1;
        const t0 = performance.now();
        let first = NaN;
        const onProgress = () => void (first = Number.isNaN(first) ? (performance.now() - t0) / 1000 : first);
        const result =
          mode === 'in process'
            ? runExperiment(model, spec, { onProgress })
            : await runExperimentParallel(model, spec, { workers, onProgress });
        const firsts = firstProgress.get(label(plant.name, mode)) ?? [];
        firstProgress.set(label(plant.name, mode), [...firsts, first]);
        return result.runs * result.designs.length;
      };
      bench(
        ...report.case(label(plant.name, mode), body, {
          iterations: ITERATIONS,
          prepare: () => {
            if (loaded !== undefined) return;
            const scenario = plant.load();
            loaded = {
              model: buildPlantModel(scenario),
              spec: { designs: scenario.designs, attack: scenario.attacks[0]!, runs: plant.runs, seed: 1 },
            };
          },
          release: () => {
            if (k === MODES.length - 1) loaded = undefined;
          },
        }),
      );
    });
  });
}
