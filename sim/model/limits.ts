// Every bound on a scenario number, a command-line count and a run's work, stated once with its
// reason. The schema, the option parsers, the kernel's budgets and docs/limits.md all read this table.
import { KERNEL_BUDGET } from '../kernel/budget.js';

export interface Limit {
  min: number;
  max: number;
  /** True when `min` itself is refused (a positive quantity). */
  minExclusive?: true;
  unit: string;
  reason: string;
}

const YEARS_10 = 87_600;

export const LIMITS = {
  hours: {
    min: 0,
    max: 100_000,
    unit: 'h',
    reason: 'about 11 years: past any horizon a run allows, and far from where sums of hours lose precision',
  },
  horizonHours: {
    min: 0.01,
    max: YEARS_10,
    unit: 'h',
    reason: "ten years of simulated time, the kernel's time budget; a plant's design is judged over days to months",
  },
  periodHours: {
    min: 0.01,
    max: 100_000,
    unit: 'h',
    reason:
      'a repeating interval (workload interarrival mean, zero-trust sweep, session TTL, window period, approval life): below 36 s a run schedules events faster than it can finish them',
  },
  scaleHours: {
    min: 1e-6,
    max: 100_000,
    unit: 'h',
    reason:
      'an exponential mean or lognormal median: below 3.6 ms it means nothing to a plant; above 11 years the draws lie past any horizon',
  },
  lognormalSigma: {
    min: 0,
    minExclusive: true,
    max: 4,
    unit: '',
    reason: 'sigma 4 already spreads draws over 14 orders of magnitude; larger ones overflow to infinity',
  },
  probability: { min: 0, max: 1, unit: '', reason: 'a probability' },
  valuePerHour: {
    min: 0,
    max: 1e12,
    unit: 'per h',
    reason: "a trillion an hour is above any plant's output; sums over many runs and lines stay exact enough to print",
  },
  level: { min: 0, max: 5, unit: '', reason: 'Purdue levels run from 0 to 5' },
  maxDenied: { min: 1, max: 1_000_000, unit: 'requests', reason: 'a count of denied requests within one session' },
  runs: {
    min: 1,
    max: 100_000,
    unit: 'runs',
    reason:
      'per design (and per value or attack in sweeps and matrices): 100,000 already narrows a 95% interval far below what the inputs are known to',
  },
  expectationValue: {
    min: -1e15,
    max: 1e15,
    unit: '',
    reason: 'a threshold on a metric; beyond ±1e15 it cannot be told from its neighbours in a printed table',
  },
  eventsPerRun: {
    min: 1,
    max: KERNEL_BUDGET.events,
    unit: 'events',
    reason:
      'the kernel stops a run that fires more (the bundled plants need about a thousand): a run that needs more has an interval too short for its horizon',
  },
  importBytes: {
    min: 0,
    max: 16 * 1024 * 1024,
    unit: 'bytes',
    reason:
      'a scenario file or import of 16 MiB holds several hundred thousand assets; anything larger is not a scenario',
  },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** "between 0.01 and 87600 h", "above 0 and at most 4", "between 0 and 1e12 per h". */
export function describeRange(limit: Limit): string {
  const unit = limit.unit === '' ? '' : ` ${limit.unit}`;
  const [min, max] = [formatLimit(limit.min), formatLimit(limit.max)];
  return limit.minExclusive ? `above ${min} and at most ${max}${unit}` : `between ${min} and ${max}${unit}`;
}

/** A bound as a person reads it: 100000 and 16777216 in full, 1e12 and 1e-6 in exponent form. */
export function formatLimit(n: number): string {
  const plain = String(n);
  const exponent = n.toExponential().replace('e+', 'e');
  return plain.length >= 8 && exponent.length < plain.length ? exponent : plain;
}

export function inRange(limit: Limit, value: number): boolean {
  return (limit.minExclusive ? value > limit.min : value >= limit.min) && value <= limit.max;
}
