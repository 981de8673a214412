import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval95, pairedDifference, quantile, summarize, tCritical95 } from '../../sim/metrics/statistics.js';

describe('summarize', () => {
  it('computes the known values of a small sample', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.nulls).toBe(0);
    expect(s.mean).toBe(5);
    expect(s.median).toBe(4.5);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.sd).toBeCloseTo(2.13809, 5); // sample sd: sqrt(32 / 7)
    // type 7: h = 7 × 0.95 = 6.65 → 7 + 0.65 × (9 - 7)
    expect(s.p95).toBeCloseTo(8.3, 12);
    const half = (2.364624 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(s.ci95![0]).toBeCloseTo(5 - half, 9);
    expect(s.ci95![1]).toBeCloseTo(5 + half, 9);
  });

  it('counts and skips nulls', () => {
    const s = summarize([null, 3, null, 1]);
    expect(s).toMatchObject({ n: 2, nulls: 2, mean: 2, median: 2, min: 1, max: 3 });
  });

  it('has no statistics without values, and no spread with one', () => {
    expect(summarize([null, null])).toEqual({
      n: 0,
      nulls: 2,
      mean: null,
      median: null,
      p95: null,
      min: null,
      max: null,
      sd: null,
      ci95: null,
    });
    expect(summarize([7])).toMatchObject({ n: 1, mean: 7, median: 7, p95: 7, sd: null, ci95: null });
  });

  it('interpolates quantiles like R type 7', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile([10, 1], 0.5)).toBe(5.5);
    expect(quantile([3], 0.95)).toBe(3);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('tCritical95', () => {
  it('matches Student t quantiles from the table and the expansion', () => {
    expect(tCritical95(1)).toBeCloseTo(12.7062, 4);
    expect(tCritical95(30)).toBeCloseTo(2.04227, 5);
    expect(tCritical95(31)).toBeCloseTo(2.039513, 5);
    expect(tCritical95(40)).toBeCloseTo(2.021075, 5);
    expect(tCritical95(60)).toBeCloseTo(2.000298, 5);
    expect(tCritical95(120)).toBeCloseTo(1.97993, 5);
    expect(tCritical95(1e6)).toBeCloseTo(1.959964, 5);
  });

  it('shrinks towards the normal as the sample grows', () => {
    for (let df = 1; df < 500; df++) expect(tCritical95(df + 1)).toBeLessThan(tCritical95(df));
  });
});

describe('pairedDifference', () => {
  it('differences pair by pair and drops pairs with a null', () => {
    const d = pairedDifference([5, 6, null, 9], [3, 3, 1, 5]);
    expect(d.n).toBe(3);
    expect(d.excluded).toBe(1);
    expect(d.mean).toBe(3); // 2, 3, 4
    expect(d.sd).toBe(1);
    expect(d.ci95![0]).toBeCloseTo(3 - 4.302653 / Math.sqrt(3), 9);
  });

  it('refuses series of different lengths', () => {
    expect(() => pairedDifference([1], [1, 2])).toThrow(/length/);
  });

  it('finds no difference and a zero-width interval between a series and itself', () => {
    const value = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
        const d = pairedDifference(xs, xs);
        const n = xs.filter((x) => x !== null).length;
        expect(d.n).toBe(n);
        expect(d.mean).toBe(n === 0 ? null : 0);
        if (n >= 2) {
          expect(d.sd).toBe(0);
          expect(d.ci95).toEqual([0, 0]);
        }
      }),
    );
  });

  it('brackets the mean in its interval', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }), (xs) => {
        const [lo, hi] = meanInterval95(xs)!;
        const m = xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(lo).toBeLessThanOrEqual(m + 1e-9);
        expect(hi).toBeGreaterThanOrEqual(m - 1e-9);
      }),
    );
  });
});
