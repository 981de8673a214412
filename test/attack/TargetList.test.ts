import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TargetList } from '../../sim/attack/TargetList.js';

const byValue = (a: number) => a; // lower asset index ranks first
const never = () => false;
const always = () => true;

describe('TargetList', () => {
  it('ranks by score, ties in discovery order, merging later batches in place', () => {
    const list = new TargetList(10);
    expect(list.learn([5, 3, 9], never, byValue)).toBe(3);
    expect(list.learn([3, 1, 7], never, byValue)).toBe(2); // 3 is known already
    const order: number[] = [];
    for (let pick = list.next(1, always, always); pick !== null; pick = list.next(1, always, always))
      order.push(pick.asset);
    expect(order).toEqual([1, 3, 5, 7, 9]);
  });

  it('tries each target once per foothold, and again from a new foothold or after retryAll', () => {
    const list = new TargetList(10);
    list.learn([0, 1], never, byValue);
    const picks = (footholds: number) => {
      const out: string[] = [];
      for (let p = list.next(footholds, always, always); p !== null; p = list.next(footholds, always, always))
        out.push(`${p.foothold}>${p.asset}`);
      return out;
    };
    expect(picks(1)).toEqual(['0>0', '0>1']);
    list.footholdAdded();
    expect(picks(2)).toEqual(['1>0', '1>1']);
    list.retryAll();
    expect(picks(2)).toEqual(['0>0', '1>0', '0>1', '1>1']);
  });

  it('skips what the caller says is taken or not to be tried now', () => {
    const list = new TargetList(10);
    list.learn([0, 1, 2], (a) => a === 2, byValue);
    expect(list.next(1, (a) => a !== 0, always)).toEqual({ foothold: 0, asset: 1 });
    expect(list.next(1, always, always)).toBeNull();
  });

  it('ranks any batches as one stable sort by (score, discovery order)', () => {
    const batch = fc.array(fc.record({ asset: fc.nat(39), score: fc.integer({ min: 0, max: 5 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 6 }), (batches) => {
        const list = new TargetList(40);
        const seen = new Set<number>();
        const expected: { asset: number; score: number; order: number }[] = [];
        for (const b of batches) {
          const scores = new Map(b.map((x) => [x.asset, x.score]));
          list.learn(
            b.map((x) => x.asset),
            never,
            (a) => scores.get(a)!,
          );
          for (const { asset } of b) {
            if (seen.has(asset)) continue;
            seen.add(asset);
            expected.push({ asset, score: scores.get(asset)!, order: expected.length });
          }
        }
        expected.sort((x, y) => x.score - y.score || x.order - y.order);
        const order: number[] = [];
        for (let p = list.next(1, always, always); p !== null; p = list.next(1, always, always)) order.push(p.asset);
        expect(order).toEqual(expected.map((x) => x.asset));
      }),
    );
  });
});
