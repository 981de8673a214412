// Kernel events per second against its practical limit and its nearest peer, measured in the same
// run: a bare typed-array heap doing nothing but the heap work, and simjs (the discrete-event
// library on npm closest to this kernel: callbacks on a binary heap). Hold model: every event
// schedules one successor after a random delay, so the number pending stays constant. All three
// draw the same delays from the same stream, so they process the same event sequence.
// Targets: the kernel within 80% of the bare loop, and at least 3× simjs.
// The kernel's queue is not a heap, so its speed against the heap may depend on the delay law: a
// second study runs the kernel and the bare loop under the other laws of the classic
// priority-queue comparisons.
import { createRequire } from 'node:module';
import { bench, describe } from 'vitest';
import type * as Simjs from 'simjs';
import { Kernel, createStream, type Distribution, type RandomStream, UNBOUNDED } from '../../sim/kernel/index.js';
import { bareHeapHold } from './support/bareHeap.js';
import { BenchReport, perSecond, type CaseResult } from './support/BenchReport.js';
import { formatTable, num } from './support/table.js';

const EVENTS_PER_ITERATION = 500_000;
const ITERATIONS = 8;
// The ratios come from rounds that run every engine in turn (rotating which goes first), so a
// change in the machine's load hits all three alike; the median of the per-round ratios is kept.
const ROUNDS = 12;
const ROUND_EVENTS = { kernel: 200_000, 'bare loop': 200_000, simjs: 40_000 };
const LAW_ROUNDS = 7;
const PENDING = [1_000, 100_000] as const;
const SEED = 42;

/** A delay law of the hold model, drawing from the stream it is given; every law here has mean 1. */
type Delay = (rng: RandomStream) => number;
const law =
  (d: Distribution): Delay =>
  (rng) =>
    rng.sample(d);
// Exponential delays are memoryless: the first `pending` draws already have the steady-state
// distribution of residual times, so no run-in is needed beyond the JIT warmup iteration. The
// other laws reach their steady state within the warmup's 500,000 events.
const HOLD = law({ dist: 'exponential', mean: 1 });
/** Jones (CACM 1986) and Rönngren and Ayani (TOMACS 1997) use these shapes; all but the first two are hard on bucket queues. */
const LAWS: Record<string, Delay> = {
  'uniform 0–2': law({ dist: 'uniform', min: 0, max: 2 }),
  'triangular 0–3, mode 0': law({ dist: 'triangular', min: 0, mode: 0, max: 3 }),
  'bimodal: 0–0.2 or 1.8–2': (rng) => (rng.next() < 0.5 ? 0.2 * rng.next() : 1.8 + 0.2 * rng.next()),
  'lognormal σ 2 (heavy tail)': law({ dist: 'lognormal', median: Math.exp(-2), sigma: 2 }),
  'constant 1 (every event tied)': law({ dist: 'constant', value: 1 }),
};

interface Hold {
  /** Fires about `events` events (exactly, for the engines that can count); returns how many. */
  fire(events: number): number;
  pending(): number;
}

const ENGINES = {
  kernel(pending: number, delay: Delay): Hold {
    const kernel = new Kernel(SEED, UNBOUNDED);
    const rng = kernel.stream('hold');
    const step = (): void => void kernel.schedule(delay(rng), step);
    for (let i = 0; i < pending; i++) kernel.schedule(delay(rng), step);
    // Mean delay 1: `pending` events per unit of time, so this span fires about `events`: the kernel's own way to run.
    return { fire: (events) => kernel.run(kernel.now + events / pending).events, pending: () => kernel.pending };
  },

  /** The practical ceiling: a Float64Array heap of times, replace-top, no callbacks, no handles. */
  'bare loop'(pending: number, delay: Delay): Hold {
    const rng = createStream(SEED, 'hold');
    return { fire: bareHeapHold(pending, () => delay(rng)), pending: () => pending };
  },

  simjs(pending: number, delay: Delay): Hold {
    const simjs = cachedSimjs();
    const rng = createStream(SEED, 'hold');
    // simjs's own idiom: an entity whose timers call back into it.
    class Holder extends simjs.Entity {
      start(count: number): void {
        for (let i = 0; i < count; i++) this.setTimer(delay(rng)).done(this.step);
      }
      step(): void {
        this.setTimer(delay(rng)).done(this.step);
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
} satisfies Record<string, (pending: number, delay: Delay) => Hold>;

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
    if (sim === undefined)
      throw new Error(
        'simjs did not set window.Sim (already loaded in this process, or a new version that exports normally?)',
      );
    return sim;
  } finally {
    delete host.window;
  }
}
let simjsModule: typeof Simjs | undefined;
/** Loaded once: a second require would hit the module cache and set no window.Sim. */
const cachedSimjs = (): typeof Simjs => (simjsModule ??= loadSimjs());

const label = (engine: Engine, pending: number) => `${engine}, ${num(pending)} pending`;

type Rates = Partial<Record<Engine, number>>;
interface Round {
  cpu: Rates;
  wall: Rates;
}
/** Events per second of each engine in each interleaved round, by law and pending size; warmup rounds first. */
const rounds = new Map<string, Round[]>();
const EXPONENTIAL = 'exponential';
const roundsKey = (lawName: string, pending: number) => `${lawName}, ${pending}`;
const roundsOf = (lawName: string, pending: number): Round[] => rounds.get(roundsKey(lawName, pending)) ?? [];

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

function summarize(results: ReadonlyMap<string, CaseResult>): string {
  const rows = PENDING.flatMap((pending) =>
    (Object.keys(ENGINES) as Engine[]).map((engine) => {
      const r = results.get(label(engine, pending));
      if (r === undefined) return [num(pending), engine, 'failed'];
      return [
        num(pending),
        engine,
        num(perSecond(r, 'cpu') / 1e6, 2),
        num(perSecond(r, 'wall') / 1e6, 2),
        num((r.cpuMs * 1e6) / r.work, 0),
        num(r.memory.rssMiB, 0),
        num(r.memory.heapGrowthMiB, 1),
      ];
    }),
  );
  const ratios = PENDING.map((pending) => {
    const timed = roundsOf(EXPONENTIAL, pending).slice(-ROUNDS);
    const ratio = (other: Engine, target: number) => {
      const cpu = median(timed.map((r) => r.cpu.kernel! / r.cpu[other]!));
      const wall = median(timed.map((r) => r.wall.kernel! / r.wall[other]!));
      const separate = (clock: 'wall' | 'cpu') => {
        const k = results.get(label('kernel', pending));
        const o = results.get(label(other, pending));
        return k && o ? perSecond(k, clock) / perSecond(o, clock) : NaN;
      };
      return [`${num(cpu, 2)} (${num(wall, 2)})${cpu >= target ? '' : ' below target'}`, num(separate('cpu'), 2)];
    };
    return [num(pending), ...ratio('bare loop', 0.8), ...ratio('simjs', 3)];
  });
  const byLaw = Object.keys(LAWS).map((lawName) => [
    lawName,
    ...PENDING.flatMap((pending) => {
      const timed = roundsOf(lawName, pending).slice(-LAW_ROUNDS);
      if (timed.length === 0) return ['failed', ''];
      return [
        num(median(timed.map((r) => r.cpu.kernel!)) / 1e6, 2),
        num(median(timed.map((r) => r.cpu.kernel! / r.cpu['bare loop']!)), 2),
      ];
    }),
  ]);
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
    '',
    formatTable(
      `Other delay laws, kernel and bare loop in turn: median of ${LAW_ROUNDS} rounds by CPU time`,
      [
        'delay law (mean 1)',
        ...PENDING.flatMap((p) => [`kernel M events/s, ${num(p)}`, `kernel / bare loop, ${num(p)}`]),
      ],
      byLaw,
    ),
    '',
    perRunLine(results.get(PER_RUN_LABEL)),
  ].join('\n');
}

// A simulation run makes its own kernel and keeps few events pending: what that costs, whole.
const PER_RUN = { runs: 20_000, pending: 30, events: 300 };
const PER_RUN_LABEL = `a kernel per run: ${PER_RUN.pending} pending, ${PER_RUN.events} events`;

function perRunLine(r: CaseResult | undefined): string {
  if (r === undefined) return `${PER_RUN_LABEL}: failed`;
  const usPerRun = (r.cpuMs * 1000) / (r.work / PER_RUN.events);
  return `A kernel per run (${PER_RUN.pending} pending, ${PER_RUN.events} events, made and run ${num(PER_RUN.runs)} times per iteration): ${num(usPerRun, 1)} µs per run by CPU time, ${num((usPerRun * 1000) / PER_RUN.events, 0)} ns per event`;
}

function kernelsPerRun(): number {
  const rng = createStream(SEED, 'per-run');
  let fired = 0;
  for (let run = 0; run < PER_RUN.runs; run++) {
    const kernel = new Kernel(SEED, UNBOUNDED);
    let successors = PER_RUN.events - PER_RUN.pending;
    const step = (): void => void (successors-- > 0 && kernel.schedule(HOLD(rng), step));
    for (let i = 0; i < PER_RUN.pending; i++) kernel.schedule(HOLD(rng), step);
    fired += kernel.run().events;
  }
  if (fired !== PER_RUN.runs * PER_RUN.events)
    throw new Error(`a kernel per run: fired ${fired} events, expected ${PER_RUN.runs * PER_RUN.events}`);
  return fired;
}

/** One round: every engine given fires its share, the first engine rotating from round to round. */
function round(holds: Partial<Record<Engine, Hold>>, index: number): { round: Round; events: number } {
  const engines = Object.keys(holds) as Engine[];
  const result: Round = { cpu: {}, wall: {} };
  let events = 0;
  for (let k = 0; k < engines.length; k++) {
    const engine = engines[(index + k) % engines.length]!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const fired = holds[engine]!.fire(ROUND_EVENTS[engine]);
    const wallMs = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    result.cpu[engine] = (fired * 1e6) / (used.user + used.system);
    result.wall[engine] = (fired * 1000) / wallMs;
    events += fired;
  }
  return { round: result, events };
}

/** A bench case running `engines` in turn under one law, one round per iteration. */
function interleavedCase(
  lawName: string,
  delay: Delay,
  pending: number,
  engines: readonly Engine[],
  iterations: number,
) {
  let holds: Partial<Record<Engine, Hold>> | undefined;
  const key = roundsKey(lawName, pending);
  const interleaved = () => {
    const done = roundsOf(lawName, pending);
    const { round: r, events } = round(holds!, done.length);
    rounds.set(key, [...done, r]);
    return events;
  };
  return report.case(`interleaved rounds, ${lawName}, ${num(pending)} pending`, interleaved, {
    iterations,
    prepare: () => void (holds = Object.fromEntries(engines.map((e) => [e, ENGINES[e](pending, delay)]))),
    release: () => void (holds = undefined),
  });
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
          prepare: () => void (hold = ENGINES[engine](pending, HOLD)),
          release: () => void (hold = undefined),
        }),
      );
    }
  });
  describe(`hold model, ${num(pending)} pending, all engines in turn (for the ratios)`, () => {
    bench(...interleavedCase(EXPONENTIAL, HOLD, pending, Object.keys(ENGINES) as Engine[], ROUNDS));
  });
}
describe('a kernel per simulation run', () => {
  bench(...report.case(PER_RUN_LABEL, kernelsPerRun, { iterations: 8 }));
});

for (const pending of PENDING) {
  describe(`hold model, other delay laws, ${num(pending)} pending: kernel and bare loop in turn`, () => {
    for (const [lawName, delay] of Object.entries(LAWS))
      bench(...interleavedCase(lawName, delay, pending, ['kernel', 'bare loop'], LAW_ROUNDS));
  });
}
