import { describe, expect, it } from 'vitest';
import { LiveClock } from '../../sim/live/LiveClock.js';

describe('LiveClock', () => {
  it('starts at the given hour, runs with wall time, and moves forward only', async () => {
    const clock = new LiveClock(6.5);
    const t0 = clock.now;
    expect(t0).toBeGreaterThanOrEqual(6.5);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now).toBeGreaterThan(t0);
    clock.advanceTo(3);
    expect(clock.now).toBeGreaterThan(6.5);
    clock.advanceTo(10);
    expect(clock.now).toBeGreaterThanOrEqual(10);
    clock.dispose();
  });

  it('runs the timers a jump passes, in time order, and keeps later ones', () => {
    const clock = new LiveClock(0);
    const ran: string[] = [];
    clock.schedule(2, () => ran.push('b'));
    clock.schedule(1, () => ran.push('a'));
    const late = clock.schedule(5, () => ran.push('late'));
    const cancelled = clock.schedule(1.5, () => ran.push('cancelled'));
    expect(clock.cancel(cancelled)).toBe(true);
    clock.advanceTo(3);
    expect(ran).toEqual(['a', 'b']);
    expect(clock.cancel(late)).toBe(true);
    expect(clock.cancel(late)).toBe(false);
    clock.dispose();
  });
});
