// Monte Carlo throughput of single runs: one run = one design × one attack × one seed to the 72 h
// horizon, without trace, on pharma.yaml. Whole experiments, larger plants and worker threads are
// in scale.bench.ts. Prints a summary when done.
import { bench, describe } from 'vitest';
import { runRecord } from '../../sim/experiment/runs.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { pharma } from '../experiment/pharma.js';
import { BenchReport, perSecond, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const RUNS_PER_ITERATION = 100;
const ITERATIONS = 10;
const { model, scenario } = pharma();
const attack = scenario.attacks[0]!;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = scenario.designs.map((design) => {
    const r = results.get(design.id);
    if (r === undefined) return [design.id, 'failed'];
    return [
      design.id,
      num(perSecond(r)),
      num(perSecond(r, 'cpu')),
      num(r.memory.rssMiB),
      num(r.memory.heapGrowthMiB, 1),
    ];
  });
  return formatTable(
    `Runs per second, pharma.yaml × ${attack.id}, one thread, ${RUNS_PER_ITERATION} runs × ${ITERATIONS} iterations per design`,
    ['design', 'runs/s wall', 'runs/s CPU', 'peak RSS MiB', 'heap +MiB'],
    rows,
  );
}

const report = new BenchReport(summarize);

describe(`runs per second, pharma.yaml × ${attack.id}`, () => {
  for (const design of scenario.designs) {
    const access = new AccessLayer(model, design);
    let seed = 0;
    const body = () => {
      for (let i = 0; i < RUNS_PER_ITERATION; i++) runRecord(model, access, attack, 'bench', seed++);
      return RUNS_PER_ITERATION;
    };
    bench(...report.case(design.id, body, { iterations: ITERATIONS, warmupIterations: 2 }));
  }
});
