// Kernel events per second against its practical limit and its nearest peer, measured in the same
// run: a bare typed-array heap doing nothing but the heap work, and simjs (the discrete-event
// library on npm closest to this kernel: callbacks on a binary heap). Hold model: every event
// schedules one successor after an exponential delay, so the number pending stays constant. All
// three draw the same delays from the same stream, so they process the same event sequence.
// Targets: the kernel within 80% of the bare loop, and at least 3× simjs.
import { createRequire } from 'node:module';
import { bench, describe } from 'vitest';
import type * as Simjs from 'simjs';
import { Kernel, createStream, type Distribution } from '../../sim/kernel/index.js';
import { bareHeapHold } from './support/bareHeap.js';
import { BenchReport, perSecond, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const EVENTS_PER_ITERATION = 500_000;
const ITERATIONS = 8;
// The ratios come from rounds that run every engine in turn (rotating which goes first), so a
// change in the machine's load hits all three alike; the median of the per-round ratios is kept.
const ROUNDS = 12;
const ROUND_EVENTS = { kernel: 200_000, 'bare loop': 200_000, simjs: 40_000 };
const PENDING = [1_000, 100_000] as const;
const HOLD: Distribution = { dist: 'exponential', mean: 1 };
const SEED = 42;
// Exponential delays are memoryless: the first `pending` draws already have the steady-state
// distribution of residual times, so no run-in is needed beyond the JIT warmup iteration.

interface Hold {
  /** Fires about `events` events (exactly, for the engines that can count); returns how many. */
  fire(events: number): number;
  pending(): number;
}

const ENGINES = {
  kernel(pending: number): Hold {
    const kernel = new Kernel(SEED);
    const rng = kernel.stream('hold');
    const step = (): void => void kernel.schedule(rng.sample(HOLD), step);
    for (let i = 0; i < pending; i++) kernel.schedule(rng.sample(HOLD), step);
    // `pending` events per unit of time, so this span fires about `events`: the kernel's own way to run.
    return { fire: (events) => kernel.run(kernel.now + events / pending).events, pending: () => kernel.pending };
  },

  /** The practical ceiling: a Float64Array heap of times, replace-top, no callbacks, no handles. */
  'bare loop'(pending: number): Hold {
    return { fire: bareHeapHold(pending, createStream(SEED, 'hold'), HOLD), pending: () => pending };
  },

  simjs(pending: number): Hold {
    const simjs = cachedSimjs();
    const rng = createStream(SEED, 'hold');
    // simjs's own idiom: an entity whose timers call back into it.
    class Holder extends simjs.Entity {
      start(count: number): void {
        for (let i = 0; i < count; i++) this.setTimer(rng.sample(HOLD)).done(this.step);
      }
      step(): void {
        this.setTimer(rng.sample(HOLD)).done(this.step);
      }
    }
    const sim = new simjs.Sim();
    sim.addEntity(Holder, 'hold', pending);
    const fire = (events: number): number => {
      if (sim.simulate(Infinity, events)) throw new Error('simjs: the event queue ran dry');
      return events;
    };
    return { fire, pending: () => sim.queue.data.length };
  },
} satisfies Record<string, (pending: number) => Hold>;

type Engine = keyof typeof ENGINES;

/**
 * simjs 2.0.3 is a browserify bundle that exports nothing under Node: it only sets `window.Sim`.
 * Give it a throwaway `window` while it loads.
 */
function loadSimjs(): typeof Simjs {
  const host = globalThis as { window?: { Sim?: typeof Simjs } };
  if (host.window !== undefined) throw new Error('loadSimjs: a global `window` already exists');
  host.window = {};
  try {
    createRequire(import.meta.url)('simjs');
    const sim = host.window.Sim;
    if (sim === undefined) throw new Error('simjs did not set window.Sim (already loaded in this process, or a new version that exports normally?)');
    return sim;
  } finally {
    delete host.window;
  }
}
let simjsModule: typeof Simjs | undefined;
/** Loaded once: a second require would hit the module cache and set no window.Sim. */
const cachedSimjs = (): typeof Simjs => (simjsModule ??= loadSimjs());

const label = (engine: Engine, pending: number) => `${engine}, ${num(pending)} pending`;

interface Round {
  cpu: Record<Engine, number>;
  wall: Record<Engine, number>;
}
/** Events per second of each engine in each interleaved round, by pending size; warmup rounds first. */
const rounds = new Map<number, Round[]>();

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = PENDING.flatMap((pending) =>
    (Object.keys(ENGINES) as Engine[]).map((engine) => {
      const r = results.get(label(engine, pending));
      if (r === undefined) return [num(pending), engine, 'failed'];
      return [num(pending), engine, num(perSecond(r, 'cpu') / 1e6, 2), num(perSecond(r, 'wall') / 1e6, 2), num((r.cpuMs * 1e6) / r.work, 0), num(r.memory.rssMiB, 0), num(r.memory.heapGrowthMiB, 1)];
    }),
  );
  const ratios = PENDING.map((pending) => {
    const timed = (rounds.get(pending) ?? []).slice(-ROUNDS);
    const ratio = (other: Engine, target: number) => {
      const cpu = median(timed.map((r) => r.cpu.kernel / r.cpu[other]));
      const wall = median(timed.map((r) => r.wall.kernel / r.wall[other]));
      const separate = (clock: 'wall' | 'cpu') => {
        const k = results.get(label('kernel', pending));
        const o = results.get(label(other, pending));
        return k && o ? perSecond(k, clock) / perSecond(o, clock) : NaN;
      };
      return [`${num(cpu, 2)} (${num(wall, 2)})${cpu >= target ? '' : ' below target'}`, num(separate('cpu'), 2)];
    };
    return [num(pending), ...ratio('bare loop', 0.8), ...ratio('simjs', 3)];
  });
  return [
    formatTable(
      `Kernel events per second, hold model: ${num(EVENTS_PER_ITERATION)} events × ${ITERATIONS} iterations per case`,
      ['pending', 'engine', 'M events/s CPU', 'M events/s wall', 'ns/event CPU', 'peak RSS MiB', 'heap +MiB'],
      rows,
    ),
    '',
    formatTable(
      `Ratios, same run: median of ${ROUNDS} interleaved rounds by CPU time (wall clock in parentheses); the separate cases above by CPU time`,
      ['pending', 'kernel / bare loop (target ≥ 0.80)', 'separate', 'kernel / simjs (target ≥ 3)', 'separate'],
      ratios,
    ),
  ].join('\n');
}

/** One round: every engine fires its share, the first engine rotating from round to round. */
function round(holds: Record<Engine, Hold>, index: number): { round: Round; events: number } {
  const engines = Object.keys(ENGINES) as Engine[];
  const result: Round = { cpu: { ...ROUND_EVENTS }, wall: { ...ROUND_EVENTS } };
  let events = 0;
  for (let k = 0; k < engines.length; k++) {
    const engine = engines[(index + k) % engines.length]!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const fired = holds[engine].fire(ROUND_EVENTS[engine]);
    const wallMs = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    result.cpu[engine] = (fired * 1e6) / (used.user + used.system);
    result.wall[engine] = (fired * 1000) / wallMs;
    events += fired;
  }
  return { round: result, events };
}

const report = new BenchReport(summarize);

for (const pending of PENDING) {
  describe(`hold model, ${num(pending)} pending (${num(EVENTS_PER_ITERATION)} events per iteration)`, () => {
    for (const engine of Object.keys(ENGINES) as Engine[]) {
      let hold: Hold | undefined;
      const body = () => {
        const fired = hold!.fire(EVENTS_PER_ITERATION);
        if (hold!.pending() !== pending) throw new Error(`${engine}: ${hold!.pending()} pending, expected ${pending}`);
        return fired;
      };
      bench(
        ...report.case(label(engine, pending), body, {
          iterations: ITERATIONS,
          prepare: () => void (hold = ENGINES[engine](pending)),
          release: () => void (hold = undefined),
        }),
      );
    }
  });
  describe(`hold model, ${num(pending)} pending, all engines in turn (for the ratios)`, () => {
    let holds: Record<Engine, Hold> | undefined;
    const interleaved = () => {
      const done = rounds.get(pending) ?? [];
      const { round: r, events } = round(holds!, done.length);
      rounds.set(pending, [...done, r]);
      return events;
    };
    bench(
      ...report.case(`interleaved rounds, ${num(pending)} pending`, interleaved, {
        iterations: ROUNDS,
        prepare: () => void (holds = { kernel: ENGINES.kernel(pending), 'bare loop': ENGINES['bare loop'](pending), simjs: ENGINES.simjs(pending) }),
        release: () => void (holds = undefined),
      }),
    );
  });
}
