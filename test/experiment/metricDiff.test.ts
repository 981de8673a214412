import { describe, expect, it } from 'vitest';
import { verdict } from '../../sim/experiment/metricDiff.js';
import type { PairedDifference } from '../../sim/metrics/statistics.js';

const d = (mean: number, lo: number, hi: number): PairedDifference => ({
  n: 100,
  excluded: 0,
  mean,
  sd: 1,
  ci95: [lo, hi],
});

describe('verdict of a paired difference', () => {
  it('is worse only when the whole interval lies on the worse side', () => {
    expect(verdict('higher-is-worse', d(2, 1, 3), 10, 0)).toBe('worse');
    expect(verdict('higher-is-worse', d(2, -1, 5), 10, 0)).toBe('same');
    expect(verdict('higher-is-worse', d(-2, -3, -1), 10, 0)).toBe('better');
    expect(verdict('lower-is-worse', d(-2, -3, -1), 10, 0)).toBe('worse');
  });

  it('lets a change within the tolerance pass, a fraction of the old mean', () => {
    expect(verdict('higher-is-worse', d(0.4, 0.2, 0.6), 10, 0.05)).toBe('same');
    expect(verdict('higher-is-worse', d(0.6, 0.4, 0.8), 10, 0.05)).toBe('worse');
    // From zero any significant rise is worse, whatever the tolerance.
    expect(verdict('higher-is-worse', d(0.1, 0.05, 0.15), 0, 10)).toBe('worse');
  });

  it('never judges a neutral metric or one without an interval', () => {
    expect(verdict('neutral', d(5, 4, 6), 1, 0)).toBe('same');
    expect(verdict('higher-is-worse', { n: 1, excluded: 0, mean: 5, sd: null, ci95: null }, 1, 0)).toBe('same');
  });
});
