// The attacker's known targets, ranked by its strategy, each with a pointer to the next foothold
// to try it from. Ranking and bookkeeping only: the agent decides what a try means.

interface Target {
  asset: number;
  score: number;
  nextFoothold: number;
}

export class TargetList {
  private targets: Target[] = [];
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
  learn(assets: Iterable<number>, skip: (asset: number) => boolean, score: (asset: number, order: number) => number): number {
    const fresh: Target[] = [];
    for (const a of assets) {
      if (this.known[a] === 1 || skip(a)) continue;
      this.known[a] = 1;
      fresh.push({ asset: a, score: score(a, this.discovered++), nextFoothold: 0 });
    }
    if (fresh.length === 0) return 0;
    fresh.sort((x, y) => x.score - y.score);
    this.cursor = 0;
    const last = this.targets[this.targets.length - 1];
    if (last === undefined || last.score <= fresh[0]!.score) {
      for (const t of fresh) this.targets.push(t);
      return fresh.length;
    }
    // One merge per batch keeps the list sorted in linear time.
    const merged: Target[] = [];
    let i = 0;
    let j = 0;
    while (i < this.targets.length || j < fresh.length) {
      if (j >= fresh.length || (i < this.targets.length && this.targets[i]!.score <= fresh[j]!.score)) merged.push(this.targets[i++]!);
      else merged.push(fresh[j++]!);
    }
    this.targets = merged;
    return fresh.length;
  }

  /**
   * The best target still open with a foothold not yet tried against it: `open(asset)` says the
   * target is still worth taking, `accept(foothold, asset)` whether that foothold may try it now.
   */
  next(footholds: number, open: (asset: number) => boolean, accept: (foothold: number, asset: number) => boolean): { foothold: number; asset: number } | null {
    for (let i = this.cursor; i < this.targets.length; i++) {
      const t = this.targets[i]!;
      if (open(t.asset)) {
        while (t.nextFoothold < footholds) {
          const f = t.nextFoothold++;
          if (accept(f, t.asset)) return { foothold: f, asset: t.asset };
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
    for (const t of this.targets) t.nextFoothold = 0;
    this.cursor = 0;
  }
}
