// Descriptive statistics over Monte Carlo samples. Nulls (a metric with no value in a run, e.g. no
// PLC fell) are counted, then left out; so are values that are not finite (an overflow), so no
// Infinity or NaN ever reaches a table or a JSON file. Quantiles are Hyndman & Fan type 7 (linear interpolation
// between order statistics, R's and NumPy's default): q(p) = x[h] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]),
// h = (n - 1)p, 0-based. Standard deviation is the sample one (n - 1).

export interface Summary {
  /** Finite values: what every statistic below is computed from. */
  n: number;
  nulls: number;
  /** Values that were Infinity or NaN, left out; absent when there were none. */
  nonFinite?: number;
  mean: number | null;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
  /** 95% confidence interval of the mean (Student t); null below two values. */
  ci95: [number, number] | null;
}

export interface PairedDifference {
  /** Pairs where both values are present. */
  n: number;
  /** Pairs dropped because either side is null, or the difference is not finite. */
  excluded: number;
  /** Mean of a[i] - b[i]. */
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
}

export type Sample = readonly (number | null)[];

export function present(values: Sample): number[] {
  return values.filter((v): v is number => v !== null);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  if (Number.isFinite(sum)) return sum / values.length;
  // The sum of finite values overflowed: divide first (slower, and only ever needed here).
  let scaled = 0;
  for (const v of values) scaled += v / values.length;
  return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, scaled)); // rounding can step just past the largest double
}

/** Sample standard deviation, two-pass; null when it is too large to represent. */
export function standardDeviation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  if (Number.isFinite(ss)) return Math.sqrt(ss / (values.length - 1));
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v - m));
  let scaled = 0;
  for (const v of values) scaled += ((v - m) / scale) ** 2;
  return finiteOrNull(scale * Math.sqrt(scaled / (values.length - 1)));
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Type 7 quantile of already sorted values. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p < 0 || p > 1) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  const next = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  const q = x + (h - lo) * (next - x);
  // next - x overflows only between values of opposite sign near the largest double.
  return Number.isFinite(q) ? q : x * (1 - (h - lo)) + next * (h - lo);
}

export function quantile(values: readonly number[], p: number): number | null {
  return quantileSorted(sortNumbers(values), p);
}

export const median = (values: readonly number[]): number | null => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number | null => quantile(values, 0.95);

function sortNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

// Two-sided 95% Student t critical values for 1..30 degrees of freedom.
const T95 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139, 2.200985,
  2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658,
  2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];
const Z975 = 1.959964;

/**
 * The 0.975 quantile of Student's t: exact table up to 30 degrees of freedom, above that the
 * Cornish-Fisher expansion around the normal (error below 1e-5 from 31 on), tending to 1.96.
 */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T95.length) return T95[df - 1]!;
  const z = Z975;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
  );
}

/** 95% confidence interval of the mean; zero width when every value is the same. */
export function meanInterval95(values: readonly number[]): [number, number] | null {
  const sd = standardDeviation(values);
  if (sd === null) return null;
  const m = mean(values)!;
  const half = (tCritical95(values.length - 1) * sd) / Math.sqrt(values.length);
  const [lo, hi] = [m - half, m + half];
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

export function summarize(values: Sample): Summary {
  const xs = present(values).filter(Number.isFinite);
  const nulls = values.filter((v) => v === null).length;
  const nonFinite = values.length - nulls - xs.length;
  const sorted = sortNumbers(xs);
  return {
    n: xs.length,
    nulls,
    ...(nonFinite === 0 ? {} : { nonFinite }),
    mean: mean(xs),
    median: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    min: sorted.length === 0 ? null : sorted[0]!,
    max: sorted.length === 0 ? null : sorted[sorted.length - 1]!,
    sd: standardDeviation(xs),
    ci95: meanInterval95(xs),
  };
}

/** a - b pair by pair (same seed in both), over pairs where both are present. */
export function pairedDifference(a: Sample, b: Sample): PairedDifference {
  if (a.length !== b.length) throw new RangeError(`paired series differ in length: ${a.length} and ${b.length}`);
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== null && y !== null && Number.isFinite(x - y)) d.push(x - y);
  }
  return {
    n: d.length,
    excluded: a.length - d.length,
    mean: mean(d),
    sd: standardDeviation(d),
    ci95: meanInterval95(d),
  };
}
