import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, Kernel, KERNEL_BUDGET, MAX_DRAW, sample } from '../../sim/kernel/index.js';

function budgetCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof BudgetExceededError) return e.code;
    throw e;
  }
  return undefined;
}

describe('the kernel budget', () => {
  it('stops an event that reschedules itself at the same instant instead of looping forever', () => {
    const k = new Kernel(1, { events: 1000, hours: 10 });
    const again = (): void => void k.schedule(0, again);
    k.schedule(0, again);
    expect(budgetCode(() => k.run(5))).toBe('EVENT_BUDGET');
  });

  it('counts events over every run() of one kernel', () => {
    const k = new Kernel(1, { events: 3, hours: 100 });
    for (const t of [1, 2, 3, 4]) k.scheduleAt(t, () => {});
    expect(k.run(3).events).toBe(3);
    expect(budgetCode(() => k.run(10))).toBe('EVENT_BUDGET');
  });

  it('refuses a horizon past the time budget, and an event past it when the horizon is open', () => {
    expect(budgetCode(() => new Kernel(1).run(KERNEL_BUDGET.hours + 1))).toBe('TIME_BUDGET');
    const k = new Kernel(1, { events: 100, hours: 10 });
    k.schedule(11, () => {});
    expect(budgetCode(() => k.run())).toBe('TIME_BUDGET');
  });

  it('fires exactly the budget without complaint', () => {
    const k = new Kernel(1, { events: 5, hours: 10 });
    for (let i = 0; i < 5; i++) k.schedule(10, () => {});
    expect(k.run(10).events).toBe(5);
  });
});

describe('draws that would overflow', () => {
  it('are clamped to MAX_DRAW, never Infinity', () => {
    const huge = [
      { dist: 'exponential', mean: 1e308 },
      { dist: 'lognormal', median: 1, sigma: 1000 },
      { dist: 'lognormal', median: 1e300, sigma: 4 },
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...huge), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (d, u) => {
        const x = sample(d, () => u);
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeLessThanOrEqual(MAX_DRAW);
      }),
    );
    expect(sample({ dist: 'exponential', mean: 1e308 }, () => 0.5)).toBe(MAX_DRAW);
  });
});
