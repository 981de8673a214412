// Static blast radius on generated plants of 1,000 and 10,000 assets, each design under the
// attack that reaches most under it. Target: under 50 ms per computation at 10,000 assets.
// Each task prints ms per computation, wall clock and process CPU time (a shared machine
// steals wall time), median over its iterations.
import { bench, describe } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { scenarioSchema } from '../../sim/scenario/schema.js';

const ITERATIONS = 15;
const CASES: [string, string][] = [
  ['vpn-flat', 'stolen-vendor-credential'],
  ['vpn-segmented', 'compromised-vendor-laptop'],
  ['zt', 'compromised-vendor-laptop'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const assets of [1_000, 10_000]) {
  describe(`static blast radius, ${assets.toLocaleString('en-US')} assets`, () => {
    const scenario = scenarioSchema.parse(generatePlant({ assets, seed: 1 }));
    const model = buildPlantModel(scenario);
    for (const [designId, attackId] of CASES) {
      const access = new AccessLayer(model, scenario.designs.find((d) => d.id === designId)!);
      const attack = scenario.attacks.find((a) => a.id === attackId)!;
      const label = `${designId} / ${attackId}`;
      let wall: number[] = [];
      let cpu: number[] = [];
      let owned = 0;
      let phase = 'warmup';
      bench(
        label,
        () => {
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          owned = staticBlastRadius(access, attack).assets.length;
          const used = process.cpuUsage(cpu0);
          wall.push(performance.now() - t0);
          cpu.push((used.user + used.system) / 1000);
        },
        {
          iterations: ITERATIONS,
          warmupIterations: 3,
          setup: (_task, mode) => {
            phase = mode;
            wall = [];
            cpu = [];
          },
          teardown: () => {
            if (phase !== 'run') return;
            console.log(`${assets} assets, ${label}: ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU per computation (${owned} assets owned)`);
          },
        },
      );
    }
  });
}
