import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Kernel, KernelError, createStream, type RandomStream } from '../../sim/kernel/index.js';

const seedArb = fc.oneof(fc.string({ maxLength: 12 }), fc.integer());
const nameArb = fc.string({ minLength: 1, maxLength: 12 });

function draws(s: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => s.next());
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof KernelError) return e.code;
    throw e;
  }
  return undefined;
}

describe('RandomStream', () => {
  it('pins the sequence for seed 42 (changing the generator or key derivation is a breaking change)', () => {
    expect(draws(createStream(42, 'attacker'), 3)).toMatchInlineSnapshot(`
      [
        0.508674226468429,
        0.17301063728518784,
        0.23669476807117462,
      ]
    `);
    expect(createStream(42, 'attacker').int(1000)).toMatchInlineSnapshot(`508`);
  });

  it('property: equal seed and name give equal sequences', () => {
    fc.assert(
      fc.property(seedArb, nameArb, (seed, name) => {
        expect(draws(createStream(seed, name), 20)).toEqual(draws(createStream(seed, name), 20));
      }),
    );
  });

  it('different names or seeds give different sequences', () => {
    const base = draws(createStream(42, 'attacker'), 5);
    expect(draws(createStream(42, 'defender'), 5)).not.toEqual(base);
    expect(draws(createStream(43, 'attacker'), 5)).not.toEqual(base);
    // A separator inside seed or name cannot make two keys collide.
    expect(draws(createStream('a:b', 'c'), 5)).not.toEqual(draws(createStream('a', 'b:c'), 5));
  });

  it('property: drawing from one stream never changes another (common random numbers)', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.nat({ max: 5 }), { maxLength: 40 }), (seed, burstsOnA) => {
        const alone = draws(new Kernel(seed).stream('B'), burstsOnA.length);
        const k = new Kernel(seed);
        const a = k.stream('A');
        const b = k.stream('B');
        const interleaved = burstsOnA.map((burst) => {
          draws(a, burst);
          return b.next();
        });
        expect(interleaved).toEqual(alone);
      }),
    );
  });

  it('next() stays in [0, 1)', () => {
    const s = createStream(7, 'u');
    for (let i = 0; i < 10_000; i++) {
      const x = s.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('int(n) covers 0..n-1 and nothing else', () => {
    const s = createStream(7, 'int');
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[s.int(6)]!++;
    expect(counts.every((c) => c > 850 && c < 1150)).toBe(true);
    expect(codeOf(() => s.int(0))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => s.int(2.5))).toBe('INVALID_ARGUMENT');
  });

  it('bernoulli(p) has frequency near p and always consumes one draw', () => {
    const s = createStream(7, 'b');
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (s.bernoulli(0.3)) hits++;
    expect(hits / 10_000).toBeCloseTo(0.3, 1);
    expect(codeOf(() => s.bernoulli(1.5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => s.bernoulli(NaN))).toBe('INVALID_ARGUMENT');

    const x = createStream(1, 'x');
    const y = createStream(1, 'x');
    x.bernoulli(0);
    x.bernoulli(1);
    y.next();
    y.next();
    expect(x.next()).toBe(y.next());
  });

  it('pick() returns members and refuses an empty array', () => {
    const s = createStream(7, 'p');
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 100 }, () => s.pick(items)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(codeOf(() => s.pick([]))).toBe('INVALID_ARGUMENT');
  });

  it('property: shuffle() permutes in place', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.integer(), { maxLength: 50 }), (seed, xs) => {
        const copy = [...xs];
        const out = createStream(seed, 'shuffle').shuffle(copy);
        expect(out).toBe(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('shuffle() reaches every permutation of three with similar frequency', () => {
    const s = createStream(7, 'perm');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = s.shuffle([1, 2, 3]).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(c).toBeGreaterThan(850);
  });
});
