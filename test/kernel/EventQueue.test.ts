import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, type EventHandle } from '../../sim/kernel/index.js';

/** Pops and runs every event. */
function runAll(q: EventQueue): void {
  let fn;
  while ((fn = q.popUntil(Infinity)) !== undefined) fn();
}

function labelled(q: EventQueue, out: string[], time: number, label: string): EventHandle {
  return q.push(time, () => out.push(label));
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue();
    const out: string[] = [];
    for (const [t, l] of [[5, 'e'], [1, 'a'], [3, 'c'], [2, 'b'], [4, 'd']] as const) labelled(q, out, t, l);
    runAll(q);
    expect(out).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('pops equal times in scheduling order', () => {
    const q = new EventQueue();
    const out: string[] = [];
    labelled(q, out, 2, 'late');
    for (let i = 0; i < 20; i++) labelled(q, out, 1, `t${i}`);
    runAll(q);
    expect(out).toEqual([...Array.from({ length: 20 }, (_, i) => `t${i}`), 'late']);
  });

  it('reports poppedTime and stops at the horizon', () => {
    const q = new EventQueue();
    q.push(1, () => {});
    q.push(3, () => {});
    expect(q.popUntil(2)).toBeTypeOf('function');
    expect(q.poppedTime).toBe(1);
    expect(q.popUntil(2)).toBeUndefined();
    expect(q.size).toBe(1);
    expect(q.peekTime()).toBe(3);
  });

  it('cancels a pending event once', () => {
    const q = new EventQueue();
    const out: string[] = [];
    labelled(q, out, 1, 'a');
    const h = labelled(q, out, 2, 'b');
    labelled(q, out, 3, 'c');
    expect(q.cancel(h)).toBe(true);
    expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(2);
    runAll(q);
    expect(out).toEqual(['a', 'c']);
  });

  it('a stale handle never cancels the event that reuses its slot', () => {
    const q = new EventQueue();
    const out: string[] = [];
    const old = labelled(q, out, 1, 'old');
    q.popUntil(Infinity)!();
    const fresh = labelled(q, out, 2, 'fresh'); // reuses the freed slot
    expect(fresh).not.toBe(old);
    expect(q.cancel(old)).toBe(false);
    q.popUntil(Infinity)!();
    expect(out).toEqual(['old', 'fresh']);
  });

  it('a handle cancelled then reused stays dead', () => {
    const q = new EventQueue();
    const out: string[] = [];
    const h = labelled(q, out, 1, 'x');
    q.cancel(h);
    runAll(q);
    labelled(q, out, 1, 'y');
    expect(q.cancel(h)).toBe(false);
    expect(q.size).toBe(1);
  });

  it('rejects foreign handles', () => {
    const q = new EventQueue();
    q.push(1, () => {});
    for (const bad of [-1, 1.5, NaN, 2 ** 60, 12345]) expect(q.cancel(bad as EventHandle)).toBe(false);
    expect(q.size).toBe(1);
  });

  it('grows past its initial capacity', () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 5000; i++) q.push(5000 - i, () => {});
    expect(q.size).toBe(5000);
    let last = -Infinity;
    while (q.popUntil(Infinity) !== undefined) {
      expect(q.poppedTime).toBeGreaterThanOrEqual(last);
      last = q.poppedTime;
    }
    expect(q.size).toBe(0);
  });

  it('compacts mass cancellations without changing order', () => {
    const q = new EventQueue(16);
    const out: string[] = [];
    const handles = Array.from({ length: 1000 }, (_, i) => labelled(q, out, i % 10, `e${i}`));
    handles.forEach((h, i) => i % 4 !== 0 && q.cancel(h));
    expect(q.size).toBe(250);
    runAll(q);
    const expected = Array.from({ length: 1000 }, (_, i) => i)
      .filter((i) => i % 4 === 0)
      .sort((a, b) => (a % 10) - (b % 10) || a - b)
      .map((i) => `e${i}`);
    expect(out).toEqual(expected);
  });

  it('peekTime skips cancelled events and is Infinity when empty', () => {
    const q = new EventQueue();
    const h = q.push(1, () => {});
    q.push(2, () => {});
    q.cancel(h);
    expect(q.peekTime()).toBe(2);
    runAll(q);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.popUntil(Infinity)).toBeUndefined();
  });

  it('compacts while a popped root is still in place', () => {
    const q = new EventQueue(16);
    const out: string[] = [];
    const handles = Array.from({ length: 200 }, (_, i) => labelled(q, out, 1 + i, `e${i}`));
    q.popUntil(Infinity)!(); // e0 fired; its root entry awaits the next operation
    handles.slice(80).forEach((h) => q.cancel(h)); // enough to compact
    expect(q.size).toBe(79);
    labelled(q, out, 0.5, 'early');
    labelled(q, out, 40.5, 'mid');
    runAll(q);
    const rest = Array.from({ length: 79 }, (_, i) => `e${1 + i}`);
    expect(out).toEqual(['e0', 'early', ...rest.slice(0, 39), 'mid', ...rest.slice(39)]);
  });

  // Model-based: any mix of push / pop / cancel behaves like a list sorted by (time, order of push).
  type Op = { op: 'push'; time: number } | { op: 'pop' } | { op: 'cancel'; pick: number };
  const ops = (push: number, pop: number, cancel: number, maxLength: number): fc.Arbitrary<Op[]> =>
    fc.array(
      fc.oneof(
        { weight: push, arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 20 }) }) },
        { weight: pop, arbitrary: fc.record({ op: fc.constant('pop' as const) }) },
        { weight: cancel, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
      ),
      { maxLength },
    );

  function checkAgainstModel(list: Op[]): void {
    const q = new EventQueue(16);
    const model: { time: number; id: number }[] = [];
    const handles: { h: EventHandle; id: number }[] = [];
    let fired = -1;
    for (const o of list) {
      if (o.op === 'push') {
        const id = handles.length;
        handles.push({ h: q.push(o.time, () => (fired = id)), id });
        model.push({ time: o.time, id });
        model.sort((a, b) => a.time - b.time || a.id - b.id);
      } else if (o.op === 'pop') {
        const fn = q.popUntil(Infinity);
        const head = model.shift();
        expect(fn === undefined).toBe(head === undefined);
        if (fn && head) {
          fn();
          expect(fired).toBe(head.id);
          expect(q.poppedTime).toBe(head.time);
        }
      } else if (handles.length > 0) {
        const { h, id } = handles[o.pick % handles.length]!;
        const idx = model.findIndex((m) => m.id === id);
        expect(q.cancel(h)).toBe(idx >= 0);
        if (idx >= 0) model.splice(idx, 1);
      }
      expect(q.size).toBe(model.length);
    }
  }

  it('matches a sorted-list model under random operations', () => {
    fc.assert(fc.property(ops(5, 3, 2, 300), checkAgainstModel), { numRuns: 300 });
  });

  it('matches the model under cancel-heavy operations (exercises compaction)', () => {
    fc.assert(fc.property(ops(5, 1, 4, 1500), checkAgainstModel), { numRuns: 40 });
  });
});
