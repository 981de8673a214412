// The PDP's clock for a testbed: scenario hours that run with wall time, so session TTLs, windows
// and sweeps act in real time, and that a replay may move forward (never back) to a probe time.
import type { Scheduler } from '../policy/index.js';

const MS_PER_HOUR = 3_600_000;
/** setTimeout's largest delay; a longer timer re-arms itself. */
const MAX_DELAY_MS = 2_147_483_647;

export class LiveClock implements Scheduler {
  readonly #started = performance.now();
  #offset: number;
  #next = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void; timer: NodeJS.Timeout }>();

  /** `startHour`: the scenario hour the testbed opens at (maintenance windows are read against it). */
  constructor(startHour: number) {
    this.#offset = startHour;
  }

  get now(): number {
    return this.#offset + (performance.now() - this.#started) / MS_PER_HOUR;
  }

  schedule(delay: number, fn: () => void): number {
    const handle = this.#next++;
    this.#arm(handle, this.now + Math.max(0, delay), fn);
    return handle;
  }

  cancel(handle: number): boolean {
    const t = this.#timers.get(handle);
    if (t === undefined) return false;
    clearTimeout(t.timer);
    this.#timers.delete(handle);
    return true;
  }

  /** Moves the clock forward to `hour` and runs every timer that falls due on the way. */
  advanceTo(hour: number): void {
    if (hour <= this.now) return;
    this.#offset += hour - this.now;
    const due = [...this.#timers.entries()].filter(([, t]) => t.at <= hour).sort((a, b) => a[1].at - b[1].at);
    for (const [handle, t] of due) {
      if (!this.cancel(handle)) continue;
      t.fn();
    }
    for (const [handle, t] of [...this.#timers]) {
      this.cancel(handle);
      this.#arm(handle, t.at, t.fn);
    }
  }

  /** Cancels every timer: nothing of the clock keeps the process alive. */
  dispose(): void {
    for (const t of this.#timers.values()) clearTimeout(t.timer);
    this.#timers.clear();
  }

  #arm(handle: number, at: number, fn: () => void): void {
    const ms = Math.max(0, (at - this.now) * MS_PER_HOUR);
    const timer = setTimeout(
      () => {
        this.#timers.delete(handle);
        if (ms > MAX_DELAY_MS) this.#arm(handle, at, fn);
        else fn();
      },
      Math.min(ms, MAX_DELAY_MS),
    );
    timer.unref();
    this.#timers.set(handle, { at, fn, timer });
  }
}
