// Loading a generated 10,000-asset plant (read, parse, validate, cross-check), each load in a
// fresh process as a command pays it (support/loadOnce.mjs, the compiled library), in rounds that
// rotate the order:
//   - YAML through the yaml package alone: the reader at b9d643d. The same file with a `%YAML 1.2`
//     directive on top, which the quick reader leaves to the yaml package: same code path, same data.
//   - YAML as `segsim generate` writes it, read by the quick reader (js-yaml, core schema).
//   - JSON, as `segsim generate --out plant.json` writes it.
// Target: at least 3× faster than at b9d643d.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { toJson, toYaml } from '../../sim/cli/commands/generate.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { BenchReport } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const ASSETS = 10_000;
const ROUNDS = 7;
const LOAD_ONCE = fileURLToPath(new URL('./support/loadOnce.mjs', import.meta.url));
const FORMATS = ['YAML, yaml package (as at b9d643d)', 'YAML, quick reader', 'JSON'] as const;
type Format = (typeof FORMATS)[number];

const dir = mkdtempSync(join(tmpdir(), 'segsim-load-'));
const files = {} as Record<Format, string>;
const times = new Map<Format, { wallMs: number; cpuMs: number }[]>(FORMATS.map((f) => [f, []]));

function prepare(): void {
  const plant = generatePlant({ assets: ASSETS, seed: 1 });
  const yaml = toYaml(plant, `segsim generate --assets ${ASSETS} --seed 1`);
  const texts: Record<Format, [string, string]> = {
    'YAML, yaml package (as at b9d643d)': ['exact.yaml', `%YAML 1.2\n---\n${yaml}`],
    'YAML, quick reader': ['plant.yaml', yaml],
    JSON: ['plant.json', toJson(plant)],
  };
  for (const format of FORMATS) {
    const [name, text] = texts[format];
    files[format] = join(dir, name);
    writeFileSync(files[format], text);
  }
}

const loadOnce = (format: Format) =>
  JSON.parse(execFileSync(process.execPath, [LOAD_ONCE, files[format]], { encoding: 'utf8' })) as {
    wallMs: number;
    cpuMs: number;
  };

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function summarize(): string {
  const base = times.get(FORMATS[0])!;
  const rows = FORMATS.map((format) => {
    const own = times.get(format)!;
    const speedup = (clock: 'wallMs' | 'cpuMs') => median(own.map((t, i) => base[i]![clock] / t[clock]));
    return [
      format,
      num(median(own.map((t) => t.wallMs))),
      num(median(own.map((t) => t.cpuMs))),
      `${num(speedup('cpuMs'), 1)}× (${num(speedup('wallMs'), 1)}×)`,
    ];
  });
  return formatTable(
    `Loading a generated ${num(ASSETS)}-asset plant in a fresh process, median of ${ROUNDS} rounds; target at least 3× faster than at b9d643d`,
    ['reader', 'ms wall', 'ms CPU', 'faster than the yaml package, by CPU (wall)'],
    rows,
  );
}

const report = new BenchReport(summarize);

describe(`loading a ${num(ASSETS)}-asset scenario`, () => {
  bench(
    ...report.case(
      'scenario load',
      () => {
        for (let round = 0; round < ROUNDS; round++)
          for (let k = 0; k < FORMATS.length; k++) {
            const format = FORMATS[(round + k) % FORMATS.length]!;
            times.get(format)!.push(loadOnce(format));
          }
        return ROUNDS;
      },
      { iterations: 1, warmupIterations: 0, prepare, release: () => rmSync(dir, { recursive: true, force: true }) },
    ),
  );
});
