import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel, KernelError, type EventHandle } from '../../sim/kernel/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof KernelError) return e.code;
    throw e;
  }
  return undefined;
}

describe('Kernel', () => {
  it('advances the clock to each event and counts them', () => {
    const k = new Kernel(1);
    const seen: number[] = [];
    k.schedule(2, () => seen.push(k.now));
    k.schedule(0.5, () => seen.push(k.now));
    k.scheduleAt(1, () => seen.push(k.now));
    expect(k.pending).toBe(3);
    expect(k.run()).toEqual({ events: 3, endTime: 2, stopped: false });
    expect(seen).toEqual([0.5, 1, 2]);
    expect(k.pending).toBe(0);
  });

  it('runs same-time events in scheduling order, including ones scheduled while running', () => {
    const k = new Kernel(1);
    const out: string[] = [];
    k.schedule(1, () => {
      out.push('a');
      k.schedule(0, () => out.push('a+0'));
    });
    k.schedule(1, () => out.push('b'));
    k.run();
    expect(out).toEqual(['a', 'b', 'a+0']);
  });

  it('rejects negative, NaN and infinite delays with a code', () => {
    const k = new Kernel(1);
    expect(codeOf(() => k.schedule(-1, () => {}))).toBe('INVALID_DELAY');
    expect(codeOf(() => k.schedule(NaN, () => {}))).toBe('INVALID_DELAY');
    expect(codeOf(() => k.schedule(Infinity, () => {}))).toBe('INVALID_DELAY');
    expect(() => k.schedule(-1, () => {})).toThrow(/use scheduleAt/);
    expect(k.pending).toBe(0);
  });

  it('scheduleAt refuses the past: the clock never travels back', () => {
    const k = new Kernel(1);
    k.run(5);
    expect(k.now).toBe(5);
    expect(codeOf(() => k.scheduleAt(4.999, () => {}))).toBe('TIME_IN_PAST');
    expect(codeOf(() => k.scheduleAt(NaN, () => {}))).toBe('INVALID_TIME');
    expect(() => k.scheduleAt(4, () => {})).toThrow(/before now \(5\)/);
    let ran = false;
    k.scheduleAt(5, () => (ran = true)); // now itself is allowed
    k.run();
    expect(ran).toBe(true);
  });

  it('stops at the horizon, fires events exactly at it, and leaves the clock there', () => {
    const k = new Kernel(1);
    const fired: number[] = [];
    for (const t of [1, 2, 3, 4]) k.scheduleAt(t, () => fired.push(t));
    expect(k.run(3)).toEqual({ events: 3, endTime: 3, stopped: false });
    expect(k.pending).toBe(1);
    expect(k.run(3.5)).toEqual({ events: 0, endTime: 3.5, stopped: false });
    expect(k.run(10)).toEqual({ events: 1, endTime: 10, stopped: false });
    expect(fired).toEqual([1, 2, 3, 4]);
  });

  it('refuses a horizon in the past', () => {
    const k = new Kernel(1);
    k.run(2);
    expect(codeOf(() => k.run(1))).toBe('INVALID_HORIZON');
    expect(codeOf(() => k.run(NaN))).toBe('INVALID_HORIZON');
  });

  it('stop() ends the run after the current event and keeps the rest', () => {
    const k = new Kernel(1);
    const fired: number[] = [];
    for (const t of [1, 2, 3]) {
      k.scheduleAt(t, () => {
        fired.push(t);
        if (t === 2) k.stop();
      });
    }
    expect(k.run(100)).toEqual({ events: 2, endTime: 2, stopped: true });
    expect(k.pending).toBe(1);
    k.stop(); // outside a run: no effect on the next run
    expect(k.run()).toEqual({ events: 1, endTime: 3, stopped: false });
    expect(fired).toEqual([1, 2, 3]);
  });

  it('refuses to run from inside an event and stays usable after', () => {
    const k = new Kernel(1);
    k.schedule(1, () => k.run());
    expect(codeOf(() => k.run())).toBe('REENTRANT_RUN');
    k.schedule(1, () => {});
    expect(k.run().events).toBe(1);
  });

  it('cancels by handle; stale handles do nothing', () => {
    const k = new Kernel(1);
    const out: string[] = [];
    const a = k.schedule(1, () => out.push('a'));
    const b = k.schedule(2, () => out.push('b'));
    expect(k.cancel(b)).toBe(true);
    expect(k.pending).toBe(1);
    k.run();
    expect(k.cancel(a)).toBe(false); // already fired
    const c = k.schedule(1, () => out.push('c')); // likely reuses a's slot
    expect(k.cancel(a)).toBe(false);
    expect(k.cancel(b)).toBe(false);
    k.run();
    expect(out).toEqual(['a', 'c']);
    expect(k.cancel(c)).toBe(false);
  });

  it('an event may cancel a later event', () => {
    const k = new Kernel(1);
    const out: string[] = [];
    let later: EventHandle | undefined;
    k.schedule(1, () => k.cancel(later!));
    later = k.schedule(2, () => out.push('later'));
    k.run();
    expect(out).toEqual([]);
  });

  it('returns the same stream object for the same name', () => {
    const k = new Kernel('s');
    expect(k.stream('attacker')).toBe(k.stream('attacker'));
    expect(k.stream('attacker')).not.toBe(k.stream('defender'));
  });

  it('property: events fire in non-decreasing time, ties in scheduling order', () => {
    const delay = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(delay, { maxLength: 200 }), fc.array(delay, { maxLength: 200 }), (initial, children) => {
        const k = new Kernel(1);
        const fired: { time: number; id: number }[] = [];
        let nextId = 0;
        let child = 0;
        // Each event records itself and, while children remain, schedules one more.
        const scheduleOne = (d: number): void => {
          const id = nextId++;
          k.schedule(d, () => {
            fired.push({ time: k.now, id });
            if (child < children.length) scheduleOne(children[child++]!);
          });
        };
        initial.forEach(scheduleOne);
        k.run();
        expect(fired.length).toBe(nextId);
        for (let i = 1; i < fired.length; i++) {
          const a = fired[i - 1]!;
          const b = fired[i]!;
          expect(b.time).toBeGreaterThanOrEqual(a.time);
          if (b.time === a.time) expect(b.id).toBeGreaterThan(a.id);
        }
      }),
    );
  });

  /** A small stochastic model: two processes with their own streams; returns its trace. */
  function trace(seed: string | number): string[] {
    const k = new Kernel(seed);
    const out: string[] = [];
    const arrivals = k.stream('arrivals');
    const service = k.stream('service');
    const arrive = (n: number): void => {
      out.push(`a${n}@${k.now}`);
      k.schedule(service.sample({ dist: 'triangular', min: 0.1, mode: 0.5, max: 2 }), () => out.push(`d${n}@${k.now}`));
      if (n < 50) k.schedule(arrivals.sample({ dist: 'exponential', mean: 1 }), () => arrive(n + 1));
    };
    k.schedule(0, () => arrive(0));
    k.run();
    return out;
  }

  it('property: equal seeds give equal event sequences', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (seed) => {
        expect(trace(seed)).toEqual(trace(seed));
      }),
      { numRuns: 50 },
    );
    expect(trace(1)).not.toEqual(trace(2));
  });
});
