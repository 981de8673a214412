// The practical ceiling for an event queue: a Float64Array heap of times, replace-top, no
// callbacks, no handles, no cancellation. Fed the same delays as the kernel in the hold model.

/** A heap of `pending` hold times; the returned function fires `events` events and returns the count. */
export function bareHeapHold(pending: number, delay: () => number): (events: number) => number {
  const heap = new Float64Array(pending);
  for (let i = 0; i < pending; i++) heap[i] = delay();
  heap.sort(); // a sorted array is a heap
  return (events) => {
    for (let k = 0; k < events; k++) {
      const t = heap[0]! + delay();
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= pending) break;
        if (c + 1 < pending && heap[c + 1]! < heap[c]!) c++;
        if (t <= heap[c]!) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = t;
    }
    return events;
  };
}
