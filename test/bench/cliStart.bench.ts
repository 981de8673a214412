// Start-up of the command line against a bare `node -e 0`, as a user runs it (`node bin/segsim.mjs`,
// the compiled CLI; in a clone it also checks whether sim/ changed since the build). Each round
// runs the three once, in a rotating order, so a change of load hits them alike; the ratios are
// the medians of the per-round ratios. Targets: validate at most 4× node (aim 3×), --version at
// most 2×. At b9d643d (tsx compiling the sources at every start) validate took 0.95 s, 14× node.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { BenchReport } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const ROUNDS = 21;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMANDS = {
  'node -e 0': ['-e', '0'],
  'segsim --version': ['bin/segsim.mjs', '--version'],
  'segsim validate scenarios/pharma.yaml': ['bin/segsim.mjs', 'validate', 'scenarios/pharma.yaml'],
} as const;
type Name = keyof typeof COMMANDS;
const NAMES = Object.keys(COMMANDS) as Name[];
const TARGETS: Partial<Record<Name, { limit: number; aim?: number }>> = {
  'segsim --version': { limit: 2 },
  'segsim validate scenarios/pharma.yaml': { limit: 4, aim: 3 },
};

const wall = new Map<Name, number[]>(NAMES.map((n) => [n, []]));

function time(name: Name): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, COMMANDS[name], { cwd: ROOT, stdio: 'ignore' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${name} exited with ${run.status}`);
  return ms;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function summarize(): string {
  const node = wall.get('node -e 0')!;
  const rows = NAMES.map((name) => {
    const own = wall.get(name)!;
    const ratio = median(own.map((ms, i) => ms / node[i]!));
    const target = TARGETS[name];
    const verdict =
      target === undefined
        ? ''
        : `${ratio <= target.limit ? 'met' : 'missed'}: at most ${target.limit}×${target.aim ? `, aim ${target.aim}×` : ''}`;
    return [name, num(median(own)), num(Math.min(...own)), `${num(ratio, 2)}×`, verdict];
  });
  return formatTable(
    `CLI start, ${ROUNDS} rounds, wall clock per process`,
    ['command', 'median ms', 'fastest ms', 'median ratio to node -e 0', 'target'],
    rows,
  );
}

const report = new BenchReport(summarize);

describe('CLI start', () => {
  bench(
    ...report.case(
      'CLI start',
      () => {
        for (let round = 0; round < ROUNDS; round++)
          for (let k = 0; k < NAMES.length; k++) {
            const name = NAMES[(round + k) % NAMES.length]!;
            wall.get(name)!.push(time(name));
          }
        return ROUNDS;
      },
      { iterations: 1, warmupIterations: 0, prepare: () => void time('segsim --version') },
    ),
  );
});
