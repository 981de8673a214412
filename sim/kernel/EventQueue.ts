// The kernel's event queue: a ladder queue over typed arrays. Over 300 lines because its tiers share
// the same slot arrays and generations, on the hottest path of every run.
import { KernelError } from './errors.js';

/** Opaque integer naming one scheduled event: slot in the low bits, slot generation above. */
export type EventHandle = number & { readonly __eventHandle: unique symbol };
export type EventFn = () => void;

const SLOT_BITS = 24;
const SLOT_SPAN = 2 ** SLOT_BITS;
const SLOT_MASK = SLOT_SPAN - 1;
/** gen * SLOT_SPAN + slot must stay an exact integer; a slot that reaches it is retired, never wrapped. */
const GEN_LIMIT = 2 ** (53 - SLOT_BITS);
/** Compact only when dead entries are both many and the majority, so cancel stays amortised O(1). */
const COMPACT_MIN_DEAD = 64;
/** A bucket larger than this is split into a finer rung rather than sorted. */
const SPLIT_ABOVE = 48;
/** A bottom that grows past this (events landing just ahead of the clock) is split into a rung. */
const BOTTOM_SPLIT_ABOVE = 256;
/** Rungs nest at most this deep; beyond it events are sorted into the bottom, which stays correct. */
const MAX_RUNGS = 24;
const NONE = -1;

/**
 * Event queue ordered by (time, scheduling order): a ladder queue (Tang, Goh
 * and Thng, ACM TOMACS 2005). Enqueue and dequeue are O(1) amortised for the
 * usual DES patterns, where a binary heap pays a log-depth sift that at
 * 100k events is bound by cache misses.
 *
 * Three tiers, each holding later events than the one below it:
 * - top: an unsorted list of the far future (time >= topStart);
 * - rungs: arrays of unsorted buckets of equal width, each rung a finer
 *   split of one bucket of the rung above;
 * - bottom: a short sorted array of the nearest events, popped from its head.
 * Lists are linked through `next` by slot. Dequeue takes from the bottom;
 * when it runs dry the next bucket of the finest rung is sorted into it, or
 * split into a finer rung when large, or the top becomes a new rung.
 *
 * Equal times pop in scheduling order without a sequence number: every list
 * holds equal-time events in scheduling order (arrivals append; moves keep
 * order), the bucket sort is stable, and an arrival to the bottom goes after
 * every equal time already there.
 *
 * Cancellation is lazy: the callback is cleared and the entry dropped when it
 * is next moved or surfaces, with a sweep when dead entries dominate.
 * Precondition (checked by Kernel): times are finite.
 */
export class EventQueue {
  // By slot. The typed arrays are views on one buffer: V8 gives each typed array over 64 bytes
  // its own off-heap store, at about 2 µs apiece, and a queue is made for every simulation run.
  private time!: Float64Array;
  private fns: (EventFn | undefined)[];
  private gen!: Uint32Array;
  private next!: Int32Array;
  private free!: Int32Array;
  private freeTop = 0;
  private slotsUsed = 0; // slots ever handed out; slots >= this are untouched
  private capacity: number;

  private entries = 0; // live and dead entries in all tiers
  private dead = 0;

  // Top: unsorted far future.
  private topStart = -Infinity;
  private topHead = NONE;
  private topTail = NONE;
  private topCount = 0;
  private topMin = Infinity;
  private topMax = -Infinity;

  // Rungs, coarsest first. Rung r accepts a time t >= lo[r] that no rung above it took (an
  // exhausted rung has lo = Infinity); its bucket is floor((t - start[r]) / width[r]) clamped
  // to [cur[r], buckets[r]), which is monotone in t, so buckets never disorder events.
  private rungs = 0;
  // Plain arrays: a queue is made for every simulation run, and typed arrays cost more to create.
  private readonly start: number[] = [];
  private readonly width: number[] = [];
  private readonly lo: number[] = [];
  private readonly cur: number[] = [];
  private readonly buckets: number[] = []; // bucket count
  /** By rung, bucket b at [3b, 3b + 3): head slot, tail slot, entry count; made on first use. */
  private readonly bucketLists: Int32Array[] = [];

  // Bottom: slots sorted by (time, scheduling order) in bottom[bHead, bTail).
  private bottom = new Int32Array(16);
  private bHead = 0;
  private bTail = 0;

  /** Time of the event most recently returned by `popUntil`. */
  poppedTime = 0;

  constructor(initialCapacity = 64) {
    const cap = Math.max(16, Math.min(SLOT_SPAN, Math.ceil(initialCapacity)));
    this.capacity = cap;
    this.fns = new Array<EventFn | undefined>(cap).fill(undefined);
    this.allocateSlots(cap);
  }

  /** Live (not cancelled, not yet fired) events. */
  get size(): number {
    return this.entries - this.dead;
  }

  push(time: number, fn: EventFn): EventHandle {
    const s = this.freeTop > 0 ? this.free[--this.freeTop]! : this.newSlot();
    this.fns[s] = fn;
    this.time[s] = time;
    this.entries++;
    this.place(s, time);
    return (this.gen[s]! * SLOT_SPAN + s) as EventHandle;
  }

  /** Takes the earliest live event at or before `horizon`; its time goes to `poppedTime`. */
  popUntil(horizon: number): EventFn | undefined {
    if (!this.settle()) return undefined;
    const s = this.bottom[this.bHead]!;
    const t = this.time[s]!;
    if (t > horizon) return undefined;
    this.bHead++;
    this.entries--;
    const fn = this.fns[s]!;
    this.fns[s] = undefined;
    this.gen[s] = this.gen[s]! + 1; // handles to this firing are now stale
    this.release(s);
    this.poppedTime = t;
    return fn;
  }

  /** Time of the earliest live event, or Infinity when none. */
  peekTime(): number {
    return this.settle() ? this.time[this.bottom[this.bHead]!]! : Infinity;
  }

  /** True if the event was pending and is now cancelled; false for fired, cancelled or foreign handles. */
  cancel(handle: EventHandle): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) return false;
    const s = handle & SLOT_MASK; // ToInt32 keeps the low 32 bits exactly, even above 2^32
    const g = (handle - s) / SLOT_SPAN;
    if (s >= this.slotsUsed || this.gen[s] !== g || this.fns[s] === undefined) return false;
    this.fns[s] = undefined;
    this.gen[s] = g + 1; // stale copies of this handle now miss
    this.dead++;
    if (this.dead >= COMPACT_MIN_DEAD && this.dead * 2 > this.entries) this.sweep();
    return true;
  }

  /** Files slot s (time t) in the tier whose range holds t. */
  private place(s: number, t: number): void {
    if (t >= this.topStart) {
      this.next[s] = NONE;
      if (this.topTail === NONE) this.topHead = s;
      else this.next[this.topTail] = s;
      this.topTail = s;
      this.topCount++;
      if (t < this.topMin) this.topMin = t;
      if (t > this.topMax) this.topMax = t;
      return;
    }
    for (let r = 0; r < this.rungs; r++) {
      if (t >= this.lo[r]!) {
        let b = Math.floor((t - this.start[r]!) / this.width[r]!);
        if (b < this.cur[r]!) b = this.cur[r]!;
        else if (b >= this.buckets[r]!) b = this.buckets[r]! - 1;
        this.append(r, b, s);
        return;
      }
    }
    this.insertBottom(s, t);
  }

  private append(r: number, b: number, s: number): void {
    const L = this.bucketLists[r]!;
    const i = 3 * b;
    this.next[s] = NONE;
    const tail = L[i + 1]!;
    if (tail === NONE) L[i] = s;
    else this.next[tail] = s;
    L[i + 1] = s;
    L[i + 2] = L[i + 2]! + 1;
  }

  /** Sorted insert after every equal time (the arrival is the latest scheduled). */
  private insertBottom(s: number, t: number): void {
    if (this.bTail === this.bottom.length) this.growBottom();
    const B = this.bottom;
    const T = this.time;
    let a = this.bHead;
    let z = this.bTail;
    while (a < z) {
      const m = (a + z) >> 1;
      if (T[B[m]!]! <= t) a = m + 1;
      else z = m;
    }
    // Shift whichever side is shorter, by hand: shifts are short, and copyWithin's call costs more.
    if (this.bHead > 0 && a - this.bHead < this.bTail - a) {
      const h = --this.bHead;
      for (let i = h; i < a - 1; i++) B[i] = B[i + 1]!;
      B[a - 1] = s;
    } else {
      for (let i = this.bTail++; i > a; i--) B[i] = B[i - 1]!;
      B[a] = s;
    }
    if (this.bTail - this.bHead > BOTTOM_SPLIT_ABOVE) this.splitBottom();
  }

  private growBottom(): void {
    const live = this.bTail - this.bHead;
    if (live * 2 > this.bottom.length) {
      const to = new Int32Array(live * 2);
      to.set(this.bottom.subarray(this.bHead, this.bTail));
      this.bottom = to;
    } else {
      this.bottom.copyWithin(0, this.bHead, this.bTail); // repack in place
    }
    this.bHead = 0;
    this.bTail = live;
  }

  /** Makes the bottom's entries a new finest rung, when they span more than one time. */
  private splitBottom(): void {
    const B = this.bottom;
    const min = this.time[B[this.bHead]!]!;
    const max = this.time[B[this.bTail - 1]!]!;
    if (this.rungs === MAX_RUNGS || !(max > min)) return;
    const from = this.bHead;
    const to = this.bTail;
    if (!this.openRung(min, max, to - from)) return; // width underflowed: the sorted bottom stays
    const r = this.rungs - 1;
    for (let i = from; i < to; i++) this.placeInRung(r, B[i]!);
    this.bHead = this.bTail = 0;
  }

  /**
   * Makes the bottom hold a live event, moving the next bucket or the top down as needed;
   * false when no live event is left.
   */
  private settle(): boolean {
    for (;;) {
      while (this.bHead < this.bTail) {
        const s = this.bottom[this.bHead]!;
        if (this.fns[s] !== undefined) return true;
        this.bHead++;
        this.dropDead(s);
      }
      this.bHead = this.bTail = 0;
      if (this.rungs === 0) {
        if (this.topCount === 0) return false;
        this.lowerTop();
      } else {
        this.lowerBucket();
      }
    }
  }

  /** Turns the top into rung 0, or sorts it into the bottom when it is small or holds a single time. */
  private lowerTop(): void {
    let s = this.topHead;
    const min = this.topMin;
    const max = this.topMax;
    const count = this.topCount;
    this.topHead = this.topTail = NONE;
    this.topCount = 0;
    this.topMin = Infinity;
    this.topMax = -Infinity;
    this.topStart = max; // arrivals at max or later sort after everything moved down
    if (count > SPLIT_ABOVE && max > min && this.openRung(min, max, count)) {
      while (s !== NONE) {
        const nx = this.next[s]!;
        if (this.fns[s] === undefined) this.dropDead(s);
        else this.placeInRung(0, s);
        s = nx;
      }
    } else {
      this.sortIntoBottom(s);
    }
  }

  /** Moves the finest rung's next non-empty bucket down: split into a finer rung, or sorted into the bottom. */
  private lowerBucket(): void {
    const r = this.rungs - 1;
    const L = this.bucketLists[r]!;
    const size = this.buckets[r]!;
    let b = this.cur[r]!;
    while (b < size && L[3 * b + 2] === 0) b++;
    if (b === size) {
      this.rungs--; // exhausted; the rung above (or the top) takes over
      return;
    }
    this.cur[r] = b + 1;
    const head = L[3 * b]!;
    const count = L[3 * b + 2]!;
    L.fill(NONE, 3 * b, 3 * b + 2);
    L[3 * b + 2] = 0;
    // The rung now starts after what it gave up, so a later arrival at that time sorts after it;
    // once its last bucket is gone it takes no arrivals at all (they go below it, in order).
    const max = count > SPLIT_ABOVE ? this.splitOrSort(head) : this.sortIntoBottom(head);
    if (b === size - 1) this.lo[r] = Infinity;
    else if (max > this.lo[r]!) this.lo[r] = max;
  }

  /** Splits a large list into a finer rung, or sorts it into the bottom when it cannot; returns its latest live time. */
  private splitOrSort(head: number): number {
    let min = Infinity;
    let max = -Infinity;
    let live = 0;
    for (let s = head; s !== NONE; s = this.next[s]!) {
      if (this.fns[s] === undefined) continue;
      const t = this.time[s]!;
      if (t < min) min = t;
      if (t > max) max = t;
      live++;
    }
    if (!(max > min && this.rungs < MAX_RUNGS && this.openRung(min, max, live))) return this.sortIntoBottom(head);
    const child = this.rungs - 1;
    for (let s = head; s !== NONE; ) {
      const nx = this.next[s]!;
      if (this.fns[s] === undefined) this.dropDead(s);
      else this.placeInRung(child, s);
      s = nx;
    }
    return max;
  }

  /** Stable insertion sort of a list's live entries into the empty bottom; returns the latest time, or -Infinity. */
  private sortIntoBottom(head: number): number {
    const T = this.time;
    let B = this.bottom;
    let n = 0;
    for (let s = head; s !== NONE; ) {
      const nx = this.next[s]!;
      if (this.fns[s] === undefined) {
        this.dropDead(s);
      } else {
        if (n === B.length) {
          this.bTail = n;
          this.growBottom();
          B = this.bottom;
        }
        const t = T[s]!;
        let i = n++;
        while (i > 0 && T[B[i - 1]!]! > t) {
          B[i] = B[i - 1]!;
          i--;
        }
        B[i] = s;
      }
      s = nx;
    }
    this.bHead = 0;
    this.bTail = n;
    return n > 0 ? T[B[n - 1]!]! : -Infinity;
  }

  /** Opens a finest rung of `count` buckets over [min, max]; false when the width underflows. */
  private openRung(min: number, max: number, count: number): boolean {
    const width = (max - min) / count;
    if (!(width > 0 && (max - min) / width < Infinity)) return false;
    const r = this.rungs++;
    const had = this.bucketLists[r]?.length ?? 0;
    if (had < 3 * count) this.bucketLists[r] = new Int32Array(Math.max(3 * count, 2 * had));
    const L = this.bucketLists[r]!;
    for (let i = 0; i < 3 * count; i += 3) {
      L[i] = NONE;
      L[i + 1] = NONE;
      L[i + 2] = 0;
    }
    this.start[r] = min;
    this.width[r] = width;
    this.lo[r] = min;
    this.cur[r] = 0;
    this.buckets[r] = count;
    return true;
  }

  private placeInRung(r: number, s: number): void {
    let b = Math.floor((this.time[s]! - this.start[r]!) / this.width[r]!);
    if (b < this.cur[r]!) b = this.cur[r]!;
    else if (b >= this.buckets[r]!) b = this.buckets[r]! - 1;
    this.append(r, b, s);
  }

  private dropDead(s: number): void {
    this.entries--;
    this.dead--;
    this.release(s);
  }

  /** Drops every dead entry from every tier, keeping each list's order. */
  private sweep(): void {
    const keep = (head: number): [number, number, number] => {
      let first = NONE;
      let last = NONE;
      let n = 0;
      for (let s = head; s !== NONE; ) {
        const nx = this.next[s]!;
        if (this.fns[s] === undefined) this.dropDead(s);
        else {
          if (last === NONE) first = s;
          else this.next[last] = s;
          last = s;
          n++;
        }
        s = nx;
      }
      if (last !== NONE) this.next[last] = NONE;
      return [first, last, n];
    };
    [this.topHead, this.topTail, this.topCount] = keep(this.topHead);
    for (let r = 0; r < this.rungs; r++) {
      const L = this.bucketLists[r]!;
      for (let b = this.cur[r]!; b < this.buckets[r]!; b++) {
        if (L[3 * b + 2] === 0) continue;
        [L[3 * b], L[3 * b + 1], L[3 * b + 2]] = keep(L[3 * b]!);
      }
    }
    let k = this.bHead;
    for (let i = this.bHead; i < this.bTail; i++) {
      const s = this.bottom[i]!;
      if (this.fns[s] === undefined) this.dropDead(s);
      else this.bottom[k++] = s;
    }
    this.bTail = k;
  }

  private newSlot(): number {
    if (this.slotsUsed === this.capacity) this.grow();
    return this.slotsUsed++;
  }

  private release(s: number): void {
    if (this.gen[s]! < GEN_LIMIT) this.free[this.freeTop++] = s;
  }

  private grow(): void {
    if (this.capacity >= SLOT_SPAN) {
      throw new KernelError('CAPACITY', `event queue full: more than ${SLOT_SPAN} events pending`);
    }
    const cap = Math.min(SLOT_SPAN, this.capacity * 2);
    const { time, gen, next, free } = this;
    this.allocateSlots(cap);
    this.time.set(time);
    this.gen.set(gen);
    this.next.set(next);
    this.free.set(free);
    for (let i = this.capacity; i < cap; i++) this.fns.push(undefined);
    this.capacity = cap;
  }

  private allocateSlots(cap: number): void {
    const buffer = new ArrayBuffer(cap * 20);
    this.time = new Float64Array(buffer, 0, cap);
    this.gen = new Uint32Array(buffer, 8 * cap, cap);
    this.next = new Int32Array(buffer, 12 * cap, cap);
    this.free = new Int32Array(buffer, 16 * cap, cap);
  }
}
