import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createStream,
  describeDistribution,
  distributionMean,
  normalQuantile,
  sample,
  type Distribution,
} from '../../sim/kernel/index.js';

const NUM_RUNS = 1000;

const cases: { dist: Distribution; lo: number; hi: number }[] = [
  { dist: { dist: 'constant', value: 2.5 }, lo: 2.5, hi: 2.5 },
  { dist: { dist: 'uniform', min: 1, max: 3 }, lo: 1, hi: 3 },
  { dist: { dist: 'triangular', min: 1, mode: 2, max: 4 }, lo: 1, hi: 4 },
  { dist: { dist: 'triangular', min: 0, mode: 0, max: 1 }, lo: 0, hi: 1 },
  { dist: { dist: 'triangular', min: 0, mode: 1, max: 1 }, lo: 0, hi: 1 },
  { dist: { dist: 'exponential', mean: 0.5 }, lo: 0, hi: Infinity },
  { dist: { dist: 'lognormal', median: 2, sigma: 0.5 }, lo: 0, hi: Infinity },
];

describe('distributions', () => {
  it.each(cases)('$dist.dist samples stay in range and their mean converges (%#)', ({ dist, lo, hi }) => {
    const s = createStream(42, describeDistribution(dist)); // fixed seed: cannot flake
    const n = 50_000;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = s.sample(dist);
      if (!(x >= lo && x <= hi && Number.isFinite(x))) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    const mean = distributionMean(dist);
    expect(Math.abs(sum / n - mean)).toBeLessThanOrEqual(0.02 * mean + 1e-12);
  });

  it('property: every sample is in range for any parameters and any u in [0, 1)', () => {
    const u = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    const pos = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(u, pos, pos, pos, (x, a, b, c) => {
        const [min, mode, max] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        const draw = (d: Distribution): number => sample(d, () => x);
        expect(draw({ dist: 'uniform', min, max })).toBeGreaterThanOrEqual(min);
        expect(draw({ dist: 'uniform', min, max })).toBeLessThanOrEqual(max);
        const t = draw({ dist: 'triangular', min, mode, max });
        expect(t >= min && t <= max).toBe(true);
        const e = draw({ dist: 'exponential', mean: a });
        expect(e >= 0 && Number.isFinite(e)).toBe(true);
        const l = draw({ dist: 'lognormal', median: a, sigma: Math.min(b, 5) });
        expect(l >= 0 && Number.isFinite(l)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('property: inverse transform is monotone in u (so common random numbers compare like with like)', () => {
    const u = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    const dists: Distribution[] = cases.map((c) => c.dist);
    fc.assert(
      fc.property(u, u, (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        for (const d of dists) expect(sample(d, () => lo)).toBeLessThanOrEqual(sample(d, () => hi));
      }),
    );
  });

  it('every distribution consumes exactly one uniform, constant included', () => {
    for (const { dist } of cases) {
      let calls = 0;
      sample(dist, () => (calls++, 0.25));
      expect(calls).toBe(1);
    }
  });

  it('distributionMean', () => {
    expect(distributionMean({ dist: 'constant', value: 3 })).toBe(3);
    expect(distributionMean({ dist: 'uniform', min: 1, max: 3 })).toBe(2);
    expect(distributionMean({ dist: 'triangular', min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distributionMean({ dist: 'exponential', mean: 4 })).toBe(4);
    expect(distributionMean({ dist: 'lognormal', median: 1, sigma: 1 })).toBeCloseTo(Math.exp(0.5), 12);
  });

  it('describeDistribution', () => {
    expect(cases.map((c) => describeDistribution(c.dist))).toMatchInlineSnapshot(`
      [
        "constant(2.5) h",
        "uniform(1, 3) h",
        "triangular(1, 2, 4) h",
        "triangular(0, 0, 1) h",
        "triangular(0, 1, 1) h",
        "exponential(mean 0.5) h",
        "lognormal(median 2, sigma 0.5) h",
      ]
    `);
  });

  it('normalQuantile matches reference quantiles', () => {
    const reference: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.8413447460685429, 1],
      [0.001, -3.090232306167813],
      [0.9999, 3.719016485455709],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, z] of reference)
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
