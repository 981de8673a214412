import { afterAll, bench, describe } from 'vitest';
import { runRecord } from '../../sim/experiment/runs.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { pharma } from '../experiment/pharma.js';

// Monte Carlo throughput: one run = one design × one attack × one seed to the 72 h horizon, without trace.
const RUNS_PER_ITERATION = 20;
const { model, scenario } = pharma();
const attack = scenario.attacks[0]!;
const rates = new Map<string, { runs: number; ms: number }>();

describe(`runs per second, pharma.yaml × ${attack.id}`, () => {
  for (const design of scenario.designs) {
    const access = new AccessLayer(model, design);
    let seed = 0;
    bench(
      design.id,
      () => {
        const t0 = performance.now();
        for (let i = 0; i < RUNS_PER_ITERATION; i++) runRecord(model, access, attack, 'bench', seed++);
        const r = rates.get(design.id) ?? { runs: 0, ms: 0 };
        r.runs += RUNS_PER_ITERATION;
        r.ms += performance.now() - t0;
        rates.set(design.id, r);
      },
      { iterations: 10, warmupIterations: 2 },
    );
  }
});

afterAll(() => {
  for (const [id, r] of rates) console.log(`${id.padEnd(16)} ${Math.round((r.runs / r.ms) * 1000)} runs/s`);
});
