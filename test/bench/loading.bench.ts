// Loading cost against document size: validation of a mapping with N keys and of a list of N
// invalid items (each a located problem), in process. Both should grow linearly: the growth
// exponent between sizes is near 1 (below 1 while fixed costs dominate), never near 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { loadScenario } from '../../sim/scenario/load.js';
import { BenchReport, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const SIZES = [12_500, 25_000, 50_000, 100_000] as const;

const SHAPES = {
  'mapping keys': (n: number) =>
    `identities:\n  devices:\n    - id: d\n      posture:\n${Array.from({ length: n }, (_, i) => `        k${i}: true\n`).join('')}`,
  'invalid list items': (n: number) =>
    `plant:\n  zones:\n${Array.from({ length: n }, (_, i) => `    - { id: z${i}, level: 9, subnet: x }\n`).join('')}`,
} as const;
type Shape = keyof typeof SHAPES;

const dir = mkdtempSync(join(tmpdir(), 'segsim-loading-'));
const label = (shape: Shape, n: number) => `${shape}, ${num(n)}`;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = (Object.keys(SHAPES) as Shape[]).flatMap((shape) => {
    let previous: [number, number] | undefined;
    return SIZES.flatMap((n) => {
      const r = results.get(label(shape, n));
      if (r === undefined) return [];
      const s = r.medianCpuMs / 1000;
      const exponent = previous ? num(Math.log(s / previous[1]) / Math.log(n / previous[0]), 2) : '';
      previous = [n, s];
      return [[shape, num(n), num(r.medianWallMs / 1000, 2), num(s, 2), exponent]];
    });
  });
  return formatTable(
    'Scenario validation against size (median of 2, in process)',
    ['document', 'N', 'wall s', 'CPU s', 'growth exponent (CPU)'],
    rows,
  );
}

const report = new BenchReport(summarize);

describe('scenario validation against size', () => {
  for (const shape of Object.keys(SHAPES) as Shape[]) {
    for (const n of SIZES) {
      const file = join(dir, `${shape.replace(/ /g, '-')}-${n}.yaml`);
      bench(
        ...report.case(
          label(shape, n),
          () => {
            loadScenario(file);
            return 1;
          },
          {
            iterations: 2,
            prepare: () => writeFileSync(file, SHAPES[shape](n)),
            release: () => rmSync(file, { force: true }),
          },
        ),
      );
    }
  }
});
