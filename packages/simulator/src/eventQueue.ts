// A binary min-heap of simulator events ordered by (time, sequence number).
// The sequence number is assigned at insertion, so events at the same tick
// run in the order they were scheduled: a total order with no ties.

export interface Scheduled<T> {
  time: number;
  seq: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, item: T): void {
    const entry = { time, seq: this.nextSeq++, item };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isBefore(entry, heap[parent])) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): Scheduled<T> | undefined {
    const heap = this.heap;
    if (heap.length === 0) {
      return undefined;
    }
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) {
          break;
        }
        const right = left + 1;
        const child = right < n && isBefore(heap[right], heap[left]) ? right : left;
        if (!isBefore(heap[child], last)) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  peekTime(): number | undefined {
    return this.heap.length > 0 ? this.heap[0].time : undefined;
  }

  /** Every pending item, in no particular order. */
  items(): T[] {
    return this.heap.map((entry) => entry.item);
  }
}

function isBefore<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
