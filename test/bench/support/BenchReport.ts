// Cases of one benchmark file that tally their own timings (wall clock and process CPU time, since a
// shared machine steals wall time) and peak memory, and one summary printed when the last case ends:
// vitest's bench mode runs no afterAll, but it does run each task's teardown.
import type { BenchOptions } from 'vitest';
import { MemoryWatch, type MemoryPeak } from './memory.js';

export interface CaseResult {
  label: string;
  /** Work done by the timed iterations: events, runs, computations. */
  work: number;
  iterations: number;
  /** Totals over the timed iterations; CPU time is the whole process's, worker threads included. */
  wallMs: number;
  cpuMs: number;
  medianWallMs: number;
  medianCpuMs: number;
  /** Over the case: preparation, warmup and timed iterations. */
  memory: MemoryPeak;
}

export interface CaseOptions {
  iterations: number;
  /** Untimed iterations before the timed ones; default 1. */
  warmupIterations?: number;
  /** Builds what the case needs, inside the memory watch but outside the timings. */
  prepare?: () => void | Promise<void>;
  /** Drops what prepare built, once the case is over. */
  release?: () => void;
}

/** Work per second over the timed iterations, by wall clock or by CPU time. */
export const perSecond = (r: CaseResult, clock: 'wall' | 'cpu' = 'wall'): number =>
  (r.work * 1000) / (clock === 'wall' ? r.wallMs : r.cpuMs);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export class BenchReport {
  private readonly results = new Map<string, CaseResult>();
  private expected = 0;
  private finished = 0;

  /** `summarize` gets the results by label; a case that failed has none. */
  constructor(private readonly summarize: (results: ReadonlyMap<string, CaseResult>) => string) {}

  /** The arguments of one bench() call; `body` runs one iteration and returns the work it did. */
  case(
    label: string,
    body: () => number | Promise<number>,
    options: CaseOptions,
  ): [string, () => Promise<void>, BenchOptions] {
    if (this.results.has(label)) throw new Error(`benchmark case "${label}" is declared twice`);
    this.expected++;
    const memory = new MemoryWatch();
    let wall: number[] = [];
    let cpu: number[] = [];
    let work = 0;
    // Declared async so tinybench awaits it instead of calling it once more to see whether it is.
    const iteration = async (): Promise<void> => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const done = body();
      const n = typeof done === 'number' ? done : await done;
      const t1 = performance.now();
      const used = process.cpuUsage(cpu0);
      wall.push(t1 - t0);
      cpu.push((used.user + used.system) / 1000);
      work += n;
      memory.sample();
    };
    const warmupIterations = options.warmupIterations ?? 1;
    const benchOptions: BenchOptions = {
      iterations: options.iterations,
      time: 0,
      warmupIterations,
      warmupTime: 0,
      setup: async (_task, mode) => {
        if (mode === 'warmup') {
          memory.start();
          await options.prepare?.();
        }
        wall = [];
        cpu = [];
        work = 0;
      },
      teardown: (_task, mode) => {
        if (mode !== 'run') return;
        if (wall.length > 0) {
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          const peak = memory.peak();
          this.results.set(label, {
            label,
            work,
            iterations: wall.length,
            wallMs: sum(wall),
            cpuMs: sum(cpu),
            medianWallMs: median(wall),
            medianCpuMs: median(cpu),
            memory: peak,
          });
        }
        options.release?.();
        // Cases that failed leave no result; the summary shows what finished.
        if (++this.finished === this.expected) console.log(`\n${this.summarize(this.results)}\n`);
      },
    };
    return [label, iteration, benchOptions];
  }
}
