// No Infinity or NaN ever comes out of the statistics: what cannot be averaged is counted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference, summarize } from '../../sim/metrics/statistics.js';

const numbersIn = (x: unknown): number[] =>
  typeof x === 'number' ? [x] : x !== null && typeof x === 'object' ? Object.values(x).flatMap(numbersIn) : [];

describe('summaries of values that overflow', () => {
  it('count non-finite values instead of claiming no nulls while printing null', () => {
    const s = summarize([Infinity, Infinity, Infinity, Infinity, Infinity]);
    expect(s).toMatchObject({ n: 0, nulls: 0, nonFinite: 5, mean: null, ci95: null });
  });

  it('leave them out of the statistics of the finite ones', () => {
    const s = summarize([1, 3, Number.NaN, null, -Infinity]);
    expect(s).toMatchObject({ n: 2, nulls: 1, nonFinite: 2, mean: 2, min: 1, max: 3 });
  });

  it('average huge finite values without overflowing', () => {
    const s = summarize([1.5e308, 1.7e308, 1.6e308]);
    expect(s.mean).toBeCloseTo(1.6e308, -300);
    expect(numbersIn(s).every(Number.isFinite)).toBe(true);
  });

  it('say nothing of non-finite values when there are none (the bundle bytes stay the same)', () => {
    expect(summarize([1, 2, null])).not.toHaveProperty('nonFinite');
  });

  it('give only finite numbers for any sample, and paired differences too', () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: false }),
      fc.constantFrom(null, Infinity, -Infinity, Number.NaN, Number.MAX_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 30 }), (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        for (const out of [summarize(a), summarize(b), pairedDifference(a, b)])
          expect(numbersIn(out).every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
