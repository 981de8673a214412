import { EventQueue, type EventFn, type EventHandle } from './EventQueue.js';
import { KERNEL_BUDGET, type KernelBudget } from './budget.js';
import { BudgetExceededError, KernelError } from './errors.js';
import { RandomStream } from './random.js';

export interface RunResult {
  /** Events fired by this call. */
  events: number;
  /** Clock when the call returned. */
  endTime: number;
  /** True when `stop()` ended the run. */
  stopped: boolean;
}

/**
 * Discrete-event kernel: a simulated clock in hours, an event queue and
 * named random streams under one root seed. It knows nothing of what the
 * events mean. Events are plain callbacks run to completion, in time order,
 * ties in scheduling order.
 */
export class Kernel {
  private readonly queue = new EventQueue();
  private readonly streams = new Map<string, RandomStream>();
  private clock = 0;
  private running = false;
  private stopRequested = false;
  private fired = 0;

  constructor(
    readonly seed: string | number,
    readonly budget: Readonly<KernelBudget> = KERNEL_BUDGET,
  ) {}

  /** Simulated time in hours. */
  get now(): number {
    return this.clock;
  }

  /** Live scheduled events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Runs `fn` after `delay` hours (0 runs after the events already due now). */
  schedule(delay: number, fn: EventFn): EventHandle {
    if (!(delay >= 0 && delay < Infinity)) {
      throw new KernelError(
        'INVALID_DELAY',
        `schedule(${delay}): delay must be a finite number of hours >= 0` +
          (delay < 0 ? `; to run at an absolute time use scheduleAt()` : ''),
      );
    }
    return this.queue.push(this.clock + delay, fn);
  }

  /** Runs `fn` at absolute time `time`; the clock never travels back, so `time` must be >= now. */
  scheduleAt(time: number, fn: EventFn): EventHandle {
    if (!(time > -Infinity && time < Infinity)) {
      throw new KernelError('INVALID_TIME', `scheduleAt(${time}): time must be a finite number of hours`);
    }
    if (time < this.clock) {
      throw new KernelError(
        'TIME_IN_PAST',
        `scheduleAt(${time}): time is before now (${this.clock}); use schedule(0, fn) to run as soon as possible`,
      );
    }
    return this.queue.push(time, fn);
  }

  /** True if the event was pending and will no longer run; stale or foreign handles give false. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /** Ends the current `run` after the event that calls it; outside a run it does nothing. */
  stop(): void {
    if (this.running) this.stopRequested = true;
  }

  /**
   * Fires events until the queue is empty, the next event lies past `horizon`,
   * or an event calls `stop()`. Events at exactly `horizon` fire. Unless
   * stopped, a finite horizon leaves the clock at the horizon (time passes
   * even when nothing happens); a stopped run leaves it at the stopping event.
   * Throws BudgetExceededError before firing an event past the budget's hours or its event count.
   */
  run(horizon = Infinity): RunResult {
    if (!(horizon >= this.clock)) {
      throw new KernelError('INVALID_HORIZON', `run(${horizon}): horizon must be >= now (${this.clock})`);
    }
    if (this.running) {
      throw new KernelError('REENTRANT_RUN', 'run() called from inside an event; schedule the work instead');
    }
    const budget = this.budget;
    if (horizon < Infinity && horizon > budget.hours) throw timeBudget(horizon, budget);
    this.running = true;
    this.stopRequested = false;
    const queue = this.queue;
    let events = 0;
    try {
      let fn: EventFn | undefined;
      while (!this.stopRequested && (fn = queue.popUntil(horizon)) !== undefined) {
        this.clock = queue.poppedTime;
        if (this.clock > budget.hours) throw timeBudget(this.clock, budget);
        if (++this.fired > budget.events) throw eventBudget(this.clock, budget);
        events++;
        fn();
      }
    } finally {
      this.running = false;
    }
    const stopped = this.stopRequested;
    this.stopRequested = false;
    if (!stopped && horizon < Infinity) this.clock = horizon;
    return { events, endTime: this.clock, stopped };
  }

  /** The random stream named `name` (the same object on every call), derived from the root seed. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = new RandomStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}

function timeBudget(hours: number, budget: KernelBudget): BudgetExceededError {
  return new BudgetExceededError(
    'TIME_BUDGET',
    `the run would simulate ${hours} h, past the time budget of ${budget.hours} h`,
  );
}

function eventBudget(at: number, budget: KernelBudget): BudgetExceededError {
  return new BudgetExceededError(
    'EVENT_BUDGET',
    `the run fired more than ${budget.events} events by ${Number(at.toPrecision(6))} h simulated: an interval too short for the horizon (workload interarrival, zt.sweepHours) or a shorter horizonHours would fit (docs/limits.md)`,
  );
}
