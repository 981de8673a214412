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
    for (const [t, l] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c'],
      [2, 'b'],
      [4, 'd'],
    ] as const)
      labelled(q, out, t, l);
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

  it('sweeps dead entries from every tier in the middle of a run', () => {
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
        {
          weight: push,
          arbitrary: fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 20 }) }),
        },
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

  // The ladder's own machinery: buckets split into finer rungs, a bottom overflowing into a rung,
  // ranges too narrow or too wide to split, bursts of equal times. Times mix ties, near-equal
  // doubles and wide spreads; "kernel" mode pushes only at or after the last popped time.
  type LadderOp =
    | { op: 'push'; time: number; count: number }
    | { op: 'pop'; count: number }
    | { op: 'cancel'; pick: number; count: number };
  const ladderTime = fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.constantFrom(Number.MIN_VALUE, 1 + Number.EPSILON, 1 + 2 * Number.EPSILON, 1e300, -1e308, 1e308),
  );
  const ladderOps = fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          op: fc.constant('push' as const),
          time: ladderTime,
          count: fc.integer({ min: 1, max: 400 }),
        }),
      },
      { weight: 4, arbitrary: fc.record({ op: fc.constant('pop' as const), count: fc.integer({ min: 1, max: 300 }) }) },
      {
        weight: 2,
        arbitrary: fc.record({
          op: fc.constant('cancel' as const),
          pick: fc.nat(),
          count: fc.integer({ min: 1, max: 100 }),
        }),
      },
    ),
    { maxLength: 40 },
  );

  /** Replays ops on a queue and on a plain list; a burst push spreads `count` events over [time, time + spread). */
  function checkLadder(list: LadderOp[], kernelMode: boolean, spread: number): void {
    const q = new EventQueue(16);
    const live = new Map<number, { time: number; h: EventHandle }>();
    let nextId = 0;
    let fired = -1;
    let clock = 0;
    for (const o of list) {
      for (let k = 0; k < o.count; k++) {
        if (o.op === 'push') {
          const base = kernelMode ? clock + Math.abs(o.time) : o.time;
          const time = Number.isFinite(base + (k % 7) * spread) ? base + (k % 7) * spread : base;
          const id = nextId++;
          live.set(id, { time, h: q.push(time, () => (fired = id)) });
        } else if (o.op === 'pop') {
          let best: number | undefined;
          for (const [id, e] of live) if (best === undefined || e.time < live.get(best)!.time) best = id;
          const fn = q.popUntil(Infinity);
          expect(fn === undefined).toBe(best === undefined);
          if (fn === undefined || best === undefined) break;
          fn();
          expect(fired).toBe(best);
          clock = q.poppedTime;
          expect(clock).toBe(live.get(best)!.time);
          live.delete(best);
        } else if (nextId > 0) {
          const id = (o.pick + k * 7919) % nextId;
          const e = live.get(id);
          if (e) live.delete(id);
          // Cancelling a handle that fired or was cancelled before must fail; its entry is gone from `live`.
          expect(q.cancel(e?.h ?? (-1 as EventHandle))).toBe(e !== undefined);
        }
      }
      expect(q.size).toBe(live.size);
    }
    // Drain: what is left pops in (time, push order).
    const rest = [...live.entries()].sort(([a, x], [b, y]) => x.time - y.time || a - b);
    for (const [id] of rest) {
      q.popUntil(Infinity)!();
      expect(fired).toBe(id);
    }
    expect(q.popUntil(Infinity)).toBeUndefined();
  }

  // Found by these properties: an insert index gone stale when the bottom was repacked, and an
  // arrival at the last time an exhausted rung gave up being filed past that rung's end.
  const ladderExamples: [LadderOp[], number][] = [
    [
      [
        { op: 'push', time: 0, count: 70 },
        { op: 'pop', count: 70 },
        { op: 'push', time: -1e308, count: 123 },
      ],
      0,
    ],
    [
      [
        { op: 'push', time: 0, count: 7 },
        { op: 'pop', count: 7 },
        { op: 'push', time: 0, count: 226 },
        { op: 'push', time: 0, count: 73 },
        { op: 'pop', count: 216 },
        { op: 'push', time: 0, count: 6 },
      ],
      0.37,
    ],
  ];

  it('matches the model with ties, near-equal and far-apart times, bursts and mass cancels', () => {
    fc.assert(
      fc.property(ladderOps, fc.constantFrom(0, 1e-12, 0.37, 1e5), (list, spread) => checkLadder(list, false, spread)),
      { numRuns: 150, examples: ladderExamples },
    );
  });

  it('matches the model when pushes never precede the last popped time, as in the kernel', () => {
    fc.assert(
      fc.property(ladderOps, fc.constantFrom(0, 1e-12, 0.37, 1e5), (list, spread) => checkLadder(list, true, spread)),
      { numRuns: 150 },
    );
  });

  it('keeps scheduling order for a large burst at the time being fired', () => {
    // Events scheduled "now" land in the sorted bottom; hundreds of them overflow it.
    const q = new EventQueue(16);
    const out: string[] = [];
    for (let i = 0; i < 300; i++) labelled(q, out, 1 + i / 1000, `spread${i}`);
    labelled(q, out, 5, 'late');
    q.popUntil(Infinity)!(); // spread0 at 1
    for (let i = 0; i < 1000; i++) labelled(q, out, 1, `now${i}`);
    for (let i = 0; i < 1000; i++) labelled(q, out, 1.0005, `soon${i}`);
    runAll(q);
    const spread = (i: number) => `spread${i}`;
    expect(out).toEqual([
      spread(0),
      ...Array.from({ length: 1000 }, (_, i) => `now${i}`),
      ...Array.from({ length: 1000 }, (_, i) => `soon${i}`),
      ...Array.from({ length: 299 }, (_, i) => spread(i + 1)),
      'late',
    ]);
  });

  it('matches a sorted-list model under random operations', () => {
    fc.assert(fc.property(ops(5, 3, 2, 300), checkAgainstModel), { numRuns: 300 });
  });

  it('matches the model under cancel-heavy operations (exercises compaction)', () => {
    fc.assert(fc.property(ops(5, 1, 4, 1500), checkAgainstModel), { numRuns: 40 });
  });
});
