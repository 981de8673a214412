import seedrandom from 'seedrandom';
import { KernelError } from './errors.js';
import { sample, type Distribution } from './distributions.js';

/**
 * One named, seeded stream of uniforms and the draws built on it.
 *
 * Generator: Baagøe's Alea (via seedrandom). It is a multiply-with-carry
 * generator on doubles, so it is fast in V8 (no BigInt, no 64-bit emulation),
 * it seeds from any string through its Mash hash, and its authors report it
 * passing BigCrush; period ~2^116 is far beyond any run. Its outputs have
 * 32 bits of resolution, ample for simulation draws. Each stream owns its own
 * generator, so drawing from one never moves another: the basis of common
 * random numbers across designs.
 */
export class RandomStream {
  /** Uniform on [0,1); a bare function so `sample` can take it without binding. */
  private readonly u: () => number;

  constructor(
    readonly seed: string | number,
    readonly name: string,
  ) {
    this.u = seedrandom.alea(streamKey(seed, name));
  }

  /** Uniform on [0, 1). */
  next(): number {
    return this.u();
  }

  /** Integer uniform on [0, n). */
  int(n: number): number {
    if (!(Number.isInteger(n) && n > 0 && n <= 2 ** 32)) {
      throw new KernelError('INVALID_ARGUMENT', `stream "${this.name}": int(n) needs an integer 1..2^32, got ${n}`);
    }
    return Math.floor(this.u() * n);
  }

  /** True with probability p; always consumes one draw, even for p = 0 or 1, to keep streams aligned. */
  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) {
      throw new KernelError('INVALID_ARGUMENT', `stream "${this.name}": bernoulli(p) needs 0 <= p <= 1, got ${p}`);
    }
    return this.u() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new KernelError('INVALID_ARGUMENT', `stream "${this.name}": pick() from an empty array`);
    }
    return items[this.int(items.length)] as T;
  }

  /** Fisher-Yates in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.u() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  sample(dist: Distribution): number {
    return sample(dist, this.u);
  }
}

/** The stream named `name` under root seed `seed`; equal arguments give equal sequences. */
export function createStream(seed: string | number, name: string): RandomStream {
  return new RandomStream(seed, name);
}

/** Length-prefixed so no (seed, name) pair can collide with another, e.g. ("a:b", "c") vs ("a", "b:c"). */
function streamKey(seed: string | number, name: string): string {
  const s = String(seed);
  return `${s.length}:${s}:${name}`;
}
