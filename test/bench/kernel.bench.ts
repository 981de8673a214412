import { bench, describe, type BenchOptions } from 'vitest';
import { Kernel, createStream, type Distribution } from '../../sim/kernel/index.js';
import { bareHeapHold } from './support/bareHeap.js';

// Hold model: every event schedules one successor after an exponential delay,
// so the number pending stays constant and the queue works at a fixed size.
// vitest reports iterations/s; one iteration is about EVENTS_PER_ITERATION events,
// and each task also prints events/s (wall clock and process CPU time, since a
// shared machine steals wall time).
const EVENTS_PER_ITERATION = 1_000_000;
const ITERATIONS = 10;
const HOLD: Distribution = { dist: 'exponential', mean: 1 };

interface Tally {
  events: number;
  wallMs: number;
  cpuMs: number;
  iterations: number;
}

function measured(label: string, body: () => number): [string, () => void, BenchOptions] {
  let tally: Tally = { events: 0, wallMs: 0, cpuMs: 0, iterations: 0 };
  const iteration = (): void => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const events = body();
    const cpu = process.cpuUsage(cpu0);
    tally.wallMs += performance.now() - t0;
    tally.cpuMs += (cpu.user + cpu.system) / 1000;
    tally.events += events;
    tally.iterations++;
  };
  const options: BenchOptions = {
    iterations: ITERATIONS,
    warmupIterations: 2,
    setup: () => {
      tally = { events: 0, wallMs: 0, cpuMs: 0, iterations: 0 };
    },
    teardown: () => {
      if (tally.iterations < ITERATIONS) return; // warmup phase: fewer iterations
      const rate = (ms: number): string => `${((tally.events / ms) * 1e-3).toFixed(2)} M events/s`;
      console.log(`${label}: ${rate(tally.wallMs)} wall, ${rate(tally.cpuMs)} CPU (${tally.events} events timed)`);
    },
  };
  return [label, iteration, options];
}

function kernelHold(pending: number): void {
  const kernel = new Kernel(42);
  const rng = kernel.stream('hold');
  const step = (): void => {
    kernel.schedule(rng.sample(HOLD), step);
  };
  for (let i = 0; i < pending; i++) kernel.schedule(rng.sample(HOLD), step);
  kernel.run(kernel.now + 20); // reach steady state
  // Events per unit time = pending / mean delay, so this span fires about EVENTS_PER_ITERATION.
  const span = EVENTS_PER_ITERATION / pending;
  const [label, fn, options] = measured(`kernel hold, ${pending} pending`, () => kernel.run(kernel.now + span).events);
  bench(label, fn, options);
}

/** The practical ceiling: a bare Float64Array heap of times, replace-top, same generator and sampler. */
function benchBareHeap(pending: number): void {
  const fire = bareHeapHold(pending, createStream(42, 'hold'), HOLD);
  const [label, fn, options] = measured(`bare typed-array heap, ${pending} pending`, () => fire(EVENTS_PER_ITERATION));
  bench(label, fn, options);
}

describe('hold model', () => {
  kernelHold(1_000);
  kernelHold(100_000);
  benchBareHeap(1_000);
  benchBareHeap(100_000);
});
