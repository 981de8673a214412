// The attacker's known targets, ranked by its strategy, each with a pointer to the next foothold
// to try it from. Ranking and bookkeeping only: the agent decides what a try means.
//
// The list is three parallel arrays rather than an object per target: a scan of a large plant
// finds thousands of hosts in every run, and an object each made the ranking the agent's largest
// cost (allocation and garbage collection).

export class TargetList {
  private asset: number[] = [];
  private score: number[] = [];
  private nextFoothold: number[] = [];
  /** Targets before it are taken or exhausted for the footholds held. */
  private cursor = 0;
  /** 1 for every asset ever learned, taken or not. */
  private readonly known: Uint8Array;
  private discovered = 0;

  constructor(assetCount: number) {
    this.known = new Uint8Array(assetCount);
  }

  /**
   * Adds assets not seen before, scored by `score(asset, discoveryOrder)` (lower first; ties keep
   * discovery order); returns how many were new.
   */
  learn(
    assets: Iterable<number>,
    skip: (asset: number) => boolean,
    score: (asset: number, order: number) => number,
  ): number {
    const base = this.asset.length;
    for (const a of assets) {
      if (this.known[a] === 1 || skip(a)) continue;
      this.known[a] = 1;
      this.asset.push(a);
      this.score.push(score(a, this.discovered++));
      this.nextFoothold.push(0);
    }
    const added = this.asset.length - base;
    if (added === 0) return 0;
    this.cursor = 0;
    if (!nonDecreasing(this.score, Math.max(0, base - 1))) this.rank(base);
    return added;
  }

  /** Sorts the new tail (from `base`) and merges it into the ranked head in linear time. */
  private rank(base: number): void {
    const { asset, score, nextFoothold } = this;
    const fresh = sortedPositions(score, base, asset.length);
    const merged: { asset: number[]; score: number[]; nextFoothold: number[] } = {
      asset: [],
      score: [],
      nextFoothold: [],
    };
    let i = 0;
    let k = 0;
    while (i < base || k < fresh.length) {
      // On equal scores the head wins: it was discovered first.
      const take = k >= fresh.length || (i < base && score[i]! <= score[fresh[k]!]!) ? i++ : fresh[k++]!;
      merged.asset.push(asset[take]!);
      merged.score.push(score[take]!);
      merged.nextFoothold.push(nextFoothold[take]!);
    }
    this.asset = merged.asset;
    this.score = merged.score;
    this.nextFoothold = merged.nextFoothold;
  }

  /**
   * The best target still open with a foothold not yet tried against it: `open(asset)` says the
   * target is still worth taking, `accept(foothold, asset)` whether that foothold may try it now.
   */
  next(
    footholds: number,
    open: (asset: number) => boolean,
    accept: (foothold: number, asset: number) => boolean,
  ): { foothold: number; asset: number } | null {
    const { asset, nextFoothold } = this;
    for (let i = this.cursor; i < asset.length; i++) {
      const a = asset[i]!;
      if (open(a)) {
        while (nextFoothold[i]! < footholds) {
          const f = nextFoothold[i]!;
          nextFoothold[i] = f + 1;
          if (accept(f, a)) return { foothold: f, asset: a };
        }
      }
      if (i === this.cursor) this.cursor++;
    }
    return null;
  }

  /** A new foothold: every target may be worth trying again from it. */
  footholdAdded(): void {
    this.cursor = 0;
  }

  /** New knowledge (credentials, time passing): every target is tried again from every foothold. */
  retryAll(): void {
    this.nextFoothold.fill(0);
    this.cursor = 0;
  }
}

/**
 * Positions `from` to `to` - 1 ordered by score, equal scores by position (a stable bottom-up
 * merge sort: no comparator calls, which made a 10,000-host scan's ranking twice as slow).
 */
function sortedPositions(score: readonly number[], from: number, to: number): Int32Array {
  const n = to - from;
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  for (let k = 0; k < n; k++) a[k] = from + k;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = score[a[j]!]! < score[a[i]!]! ? a[j++]! : a[i++]!;
      while (i < mid) b[k++] = a[i++]!;
      while (j < hi) b[k++] = a[j++]!;
    }
    [a, b] = [b, a];
  }
  return a;
}

function nonDecreasing(xs: readonly number[], from: number): boolean {
  for (let i = from + 1; i < xs.length; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}
