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

/**
 * Binary min-heap of events ordered by (time, sequence): equal times pop in
 * scheduling order. The heap is two typed arrays (time, slot); callbacks and
 * sequence numbers live by slot, since sequence numbers are read only on
 * equal times. At 12 bytes per entry the sift's working set stays near cache
 * size even at 100k events: large heaps are bound by memory, not arithmetic.
 *
 * Two choices serve the usual DES pattern "an event fires and schedules its
 * successor": a popped root stays in place until the next operation, so a
 * push right after a pop becomes one replace-top sift instead of a sift-down
 * plus a sift-up; and cancellation is lazy (the callback is cleared and the
 * entry skipped when it surfaces, with compaction when dead entries
 * dominate), which keeps position bookkeeping out of every sift.
 * Precondition (checked by Kernel): times are not NaN.
 */
export class EventQueue {
  private time: Float64Array;
  private slot: Int32Array;
  private n = 0; // heap entries: live, dead, and the taken root
  private dead = 0;
  private rootTaken = false; // root was popped but not yet removed
  private nextSeq = 0;

  private seq: Float64Array; // by slot; Float64 so sequence numbers never wrap (exact to 2^53)
  private fns: (EventFn | undefined)[];
  private gen: Uint32Array;
  private free: Int32Array;
  private freeTop = 0;
  private slotsUsed = 0; // slots ever handed out; slots >= this are untouched
  private capacity: number;

  /** Time of the event most recently returned by `popUntil`. */
  poppedTime = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, Math.min(SLOT_SPAN, Math.ceil(initialCapacity)));
    this.capacity = cap;
    this.time = new Float64Array(cap);
    this.slot = new Int32Array(cap);
    this.seq = new Float64Array(cap);
    this.fns = new Array<EventFn | undefined>(cap).fill(undefined);
    this.gen = new Uint32Array(cap);
    this.free = new Int32Array(cap);
  }

  /** Live (not cancelled, not yet fired) events. */
  get size(): number {
    return this.n - this.dead - (this.rootTaken ? 1 : 0);
  }

  push(time: number, fn: EventFn): EventHandle {
    const s = this.freeTop > 0 ? this.free[--this.freeTop]! : this.newSlot();
    this.fns[s] = fn;
    this.seq[s] = this.nextSeq++;
    // The entry is written first and the sifts take indices only: a double passed to a
    // call V8 does not inline is boxed on the heap, which cost ~15% on the hold benchmark.
    if (this.rootTaken) {
      this.rootTaken = false;
      this.time[0] = time;
      this.slot[0] = s;
      this.siftDown(0, this.n);
    } else {
      const i = this.n++;
      this.time[i] = time;
      this.slot[i] = s;
      this.siftUp(i);
    }
    return (this.gen[s]! * SLOT_SPAN + s) as EventHandle;
  }

  /** Takes the earliest live event at or before `horizon`; its time goes to `poppedTime`. */
  popUntil(horizon: number): EventFn | undefined {
    if (this.rootTaken) this.removeRoot();
    const T = this.time;
    while (this.n > 0) {
      const t = T[0]!;
      if (t > horizon) return undefined;
      const s = this.slot[0]!;
      const fn = this.fns[s];
      if (fn === undefined) {
        this.removeRoot();
        this.dead--; // generation was already bumped by cancel
        this.release(s);
        continue;
      }
      this.fns[s] = undefined;
      this.gen[s] = this.gen[s]! + 1; // handles to this firing are now stale
      this.release(s);
      this.rootTaken = true;
      this.poppedTime = t;
      return fn;
    }
    return undefined;
  }

  /** Time of the earliest live event, or Infinity when none. */
  peekTime(): number {
    this.settle();
    return this.n > 0 ? this.time[0]! : Infinity;
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
    if (this.dead >= COMPACT_MIN_DEAD && this.dead * 2 > this.n) this.compact();
    return true;
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
    this.time = copyInto(new Float64Array(cap), this.time);
    this.slot = copyInto(new Int32Array(cap), this.slot);
    this.seq = copyInto(new Float64Array(cap), this.seq);
    this.gen = copyInto(new Uint32Array(cap), this.gen);
    this.free = copyInto(new Int32Array(cap), this.free);
    for (let i = this.capacity; i < cap; i++) this.fns.push(undefined);
    this.capacity = cap;
  }

  /** Removes a taken root and any dead entries on top, so the root is live or the heap empty. */
  private settle(): void {
    if (this.rootTaken) this.removeRoot();
    while (this.n > 0 && this.fns[this.slot[0]!] === undefined) {
      const s = this.slot[0]!;
      this.removeRoot();
      this.dead--;
      this.release(s);
    }
  }

  private removeRoot(): void {
    this.rootTaken = false;
    const last = --this.n;
    if (last === 0) return;
    this.time[0] = this.time[last]!;
    this.slot[0] = this.slot[last]!;
    this.siftDown(0, last);
  }

  /** Moves entry i up to its place; a new entry has the largest sequence, so ties stop the climb. */
  private siftUp(i: number): void {
    const T = this.time;
    const P = this.slot;
    const t = T[i]!;
    const s = P[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p]!;
      if (pt <= t) break;
      T[i] = pt;
      P[i] = P[p]!;
      i = p;
    }
    T[i] = t;
    P[i] = s;
  }

  /** Moves entry i down to its place within the first n entries. */
  private siftDown(i: number, n: number): void {
    const T = this.time;
    const P = this.slot;
    const Q = this.seq;
    const t = T[i]!;
    const s = P[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      // Pick the earlier child. Written as an add rather than a branch: which child is
      // earlier is a coin flip the CPU cannot predict. Ties (rare) fall back to sequence.
      const lt = T[c]!;
      const rt = c + 1 < n ? T[c + 1]! : Infinity;
      if (rt !== lt) c += rt < lt ? 1 : 0;
      else if (c + 1 < n && Q[P[c + 1]!]! < Q[P[c]!]!) c++;
      const ct = T[c]!;
      if (t < ct || (t === ct && Q[s]! < Q[P[c]!]!)) break;
      T[i] = ct;
      P[i] = P[c]!;
      i = c;
    }
    T[i] = t;
    P[i] = s;
  }

  /** Drops every dead entry and re-heapifies (Floyd, O(n)); keys are unique so pop order is unchanged. */
  private compact(): void {
    if (this.rootTaken) this.removeRoot();
    const T = this.time;
    const P = this.slot;
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      const s = P[i]!;
      if (this.fns[s] === undefined) {
        this.release(s);
        continue;
      }
      T[k] = T[i]!;
      P[k] = s;
      k++;
    }
    this.n = k;
    this.dead = 0;
    for (let i = (k >> 1) - 1; i >= 0; i--) this.siftDown(i, k);
  }
}

function copyInto<A extends Float64Array | Int32Array | Uint32Array>(to: A, from: A): A {
  to.set(from);
  return to;
}
