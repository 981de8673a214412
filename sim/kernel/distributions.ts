/** A duration (hours) or other non-negative quantity drawn at random; the scenario schema mirrors this type. */
export type Distribution =
  | { dist: 'constant'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; median: number; sigma: number };

/**
 * Largest draw: a draw can only overflow through parameters far outside the scenario's bounds, and
 * a value this large already lies past any run's time budget, so clamping changes no outcome.
 */
export const MAX_DRAW = 1e12;

/**
 * Draws one value by inverse transform from `u` (uniform on [0,1)), clamped to [0, MAX_DRAW].
 * Every distribution consumes exactly one uniform, constant included, so
 * changing a distribution in one design never shifts the later draws of the
 * stream: common random numbers stay aligned across designs.
 */
export function sample(dist: Distribution, u: () => number): number {
  const value = draw(dist, u());
  return Math.min(value, MAX_DRAW); // Infinity included
}

function draw(dist: Distribution, x: number): number {
  switch (dist.dist) {
    case 'constant':
      return dist.value;
    case 'uniform':
      return Math.min(dist.max, dist.min + x * (dist.max - dist.min)); // rounding can overshoot max
    case 'triangular':
      return triangular(dist.min, dist.mode, dist.max, x);
    case 'exponential':
      return -dist.mean * Math.log(1 - x); // 1 - x is in (0, 1]: finite, never negative
    case 'lognormal':
      // Inverse normal CDF rather than Box-Muller: one uniform per draw, no cached spare.
      return dist.median * Math.exp(dist.sigma * normalQuantile(Math.max(x, MIN_U)));
  }
}

/** Clamp for u = 0 (where the normal quantile is -Infinity); a clamp, not a substitute, keeps sample monotone in u. */
const MIN_U = 2 ** -53;

function triangular(min: number, mode: number, max: number, x: number): number {
  const width = max - min;
  if (width <= 0) return min;
  const left = mode - min;
  const y = x * width < left ? min + Math.sqrt(x * width * left) : max - Math.sqrt((1 - x) * width * (max - mode));
  return Math.min(max, Math.max(min, y)); // rounding can step just outside [min, max]
}

export function distributionMean(dist: Distribution): number {
  switch (dist.dist) {
    case 'constant':
      return dist.value;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'exponential':
      return dist.mean;
    case 'lognormal':
      return dist.median * Math.exp((dist.sigma * dist.sigma) / 2);
  }
}

/** Human-readable form for reports, e.g. "triangular(1, 2, 4) h". */
export function describeDistribution(dist: Distribution): string {
  switch (dist.dist) {
    case 'constant':
      return `constant(${dist.value}) h`;
    case 'uniform':
      return `uniform(${dist.min}, ${dist.max}) h`;
    case 'triangular':
      return `triangular(${dist.min}, ${dist.mode}, ${dist.max}) h`;
    case 'exponential':
      return `exponential(mean ${dist.mean}) h`;
    case 'lognormal':
      return `lognormal(median ${dist.median}, sigma ${dist.sigma}) h`;
  }
}

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9).
const a0 = -39.69683028665376,
  a1 = 220.9460984245205,
  a2 = -275.9285104469687;
const a3 = 138.357751867269,
  a4 = -30.66479806614716,
  a5 = 2.506628277459239;
const b0 = -54.47609879822406,
  b1 = 161.5858368580409,
  b2 = -155.6989798598866;
const b3 = 66.80131188771972,
  b4 = -13.28068155288572;
const c0 = -0.007784894002430293,
  c1 = -0.3223964580411365,
  c2 = -2.400758277161838;
const c3 = -2.549732539343734,
  c4 = 4.374664141464968,
  c5 = 2.938163982698783;
const d0 = 0.007784695709041462,
  d1 = 0.3224671290700398,
  d2 = 2.445134137142996,
  d3 = 3.754408661907416;
const P_LOW = 0.02425;

/** Standard normal quantile Φ⁻¹(p) for p in (0,1); ±Infinity at 0 and 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}
