import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextWindowChange, windowOpen } from '../../sim/policy/window.js';

const daily = { every: 24, start: 6, duration: 4 };

describe('windowOpen', () => {
  it('is open from start for duration, every period', () => {
    expect([5.99, 6, 9.99, 10, 30, 34].map((t) => windowOpen(daily, t))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('extends backwards in time', () => {
    expect(windowOpen(daily, -18)).toBe(true); // 6 - 24
    expect(windowOpen(daily, -1)).toBe(false);
  });

  it('is always open when duration covers the period', () => {
    expect(windowOpen({ every: 8, start: 3, duration: 8 }, 2)).toBe(true);
    expect(nextWindowChange({ every: 8, start: 3, duration: 8 }, 2)).toBe(Infinity);
  });
});

describe('nextWindowChange', () => {
  it('gives the close time inside the window and the next opening outside it', () => {
    expect(nextWindowChange(daily, 7)).toBe(10);
    expect(nextWindowChange(daily, 10)).toBe(30);
    expect(nextWindowChange(daily, 0)).toBe(6);
    expect(nextWindowChange(daily, 6)).toBe(10);
  });

  // On a grid of 1/64 hour the arithmetic is exact, so "nothing changes earlier" can be checked exactly.
  const grid = (min: number, max: number) => fc.integer({ min: min * 64, max: max * 64 }).map((n) => n / 64);
  const gridWindow = fc
    .record({ every: grid(1 / 64, 200), start: grid(-100, 100), duration: grid(1 / 64, 200) })
    .filter((w) => w.duration < w.every);

  it('lands on the first change: the state before it is the state at the start', () => {
    fc.assert(
      fc.property(gridWindow, grid(-1000, 1000), fc.double({ min: 0, max: 1, noNaN: true }), (w, t, f) => {
        const next = nextWindowChange(w, t);
        expect(next).toBeGreaterThan(t);
        expect(windowOpen(w, next)).not.toBe(windowOpen(w, t));
        const before = t + Math.floor((next - t) * 64 * f) / 64; // on the grid too
        if (before < next) expect(windowOpen(w, before)).toBe(windowOpen(w, t));
        expect(next - t).toBeLessThanOrEqual(w.every);
      }),
      { numRuns: 5000 },
    );
  });

  it('always flips the state, whatever the floating-point values', () => {
    const anyWindow = fc
      .record({
        every: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        start: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        ratio: fc.double({ min: 1e-3, max: 0.999, noNaN: true }),
      })
      .map(({ every, start, ratio }) => ({ every, start, duration: every * ratio }));
    fc.assert(
      fc.property(anyWindow, fc.double({ min: -1e5, max: 1e5, noNaN: true }), (w, t) => {
        const next = nextWindowChange(w, t);
        expect(next).toBeGreaterThan(t);
        expect(windowOpen(w, next)).not.toBe(windowOpen(w, t));
        expect(next - t).toBeLessThanOrEqual(w.every * (1 + 1e-9));
      }),
      { numRuns: 20000 },
    );
  });
});
