/** One key's records: run one at a time, in order. */
interface Lane<T> {
  readonly id: unknown;
  /** Waiting items, lowest order first. */
  readonly items: T[];
  /** An item of this lane is handed out and not finished. */
  busy: boolean;
  /** Items put back by `hold` and not yet `release`d: the lane waits for them. */
  held: number;
  /** The lane is in the ready heap (possibly with a stale order: checked on the way out). */
  inHeap: boolean;
}

/**
 * Hands out items so that items of one lane (a record key) run one at a time
 * and in order, while different lanes run side by side. Among the lanes that
 * can run, the one whose next item has the lowest order (offset) goes first,
 * so the partition's commit, which waits for its lowest unsettled offset,
 * keeps moving. Pure: no timers, no broker.
 *
 * A nacked item is `hold`: put back at the front of its lane, which then waits
 * (later items of that key stay queued) until it is `release`d after the delay.
 */
export class KeyScheduler<T> {
  private readonly lanes = new Map<unknown, Lane<T>>();
  private readonly heap: Array<{ lane: Lane<T>; order: number }> = [];
  private count = 0;

  /**
   * @param laneOf the lane of an item (items with equal lanes keep their order)
   * @param orderOf the item's position (its offset): lower goes first
   */
  constructor(
    private readonly laneOf: (item: T) => unknown,
    private readonly orderOf: (item: T) => number,
  ) {}

  /** Items waiting to be handed out (held ones included). */
  get waiting(): number {
    return this.count;
  }

  /** Appends an item to its lane (items arrive in order). */
  push(item: T): void {
    const lane = this.laneFor(this.laneOf(item));
    lane.items.push(item);
    this.count++;
    this.offer(lane);
  }

  /** The next item `take()` would hand out, left in place. */
  peek(): T | undefined {
    return this.nextLane()?.items[0];
  }

  /** Hands out the next item of the runnable lane with the lowest order; its lane is busy until `finish`. */
  take(): T | undefined {
    const lane = this.nextLane();
    if (!lane) return undefined;
    this.heapPopTop(); // nextLane left it on top
    lane.inHeap = false;
    lane.busy = true;
    this.count--;
    return lane.items.shift();
  }

  /** The item handed out finished: its lane runs its next item (unless held). */
  finish(item: T): void {
    const lane = this.lanes.get(this.laneOf(item));
    if (!lane) return;
    lane.busy = false;
    this.offer(lane);
  }

  /** Puts `item` back in its lane (in order) and makes the lane wait until `release(item)`. */
  hold(item: T): void {
    const lane = this.laneFor(this.laneOf(item));
    const order = this.orderOf(item);
    let index = 0;
    while (index < lane.items.length && this.orderOf(lane.items[index]) < order) index++;
    lane.items.splice(index, 0, item);
    lane.held++;
    this.count++;
  }

  /** The held item's delay passed: its lane runs again (from its lowest item). */
  release(item: T): void {
    const lane = this.lanes.get(this.laneOf(item));
    if (!lane || lane.held === 0) return;
    lane.held--;
    this.offer(lane);
  }

  /** Drops every waiting and held item; lanes with an item handed out stay busy until it finishes. */
  clear(): void {
    for (const [id, lane] of this.lanes) {
      lane.items.length = 0;
      lane.held = 0;
      lane.inHeap = false;
      if (!lane.busy) this.lanes.delete(id);
    }
    this.heap.length = 0;
    this.count = 0;
  }

  private laneFor(id: unknown): Lane<T> {
    let lane = this.lanes.get(id);
    if (!lane) this.lanes.set(id, (lane = { id, items: [], busy: false, held: 0, inHeap: false }));
    return lane;
  }

  /** Puts a lane that can run into the heap; forgets a lane that is idle and empty. */
  private offer(lane: Lane<T>): void {
    if (lane.busy || lane.held > 0) return;
    if (lane.items.length === 0) {
      if (!lane.inHeap) this.lanes.delete(lane.id);
      return;
    }
    if (lane.inHeap) return;
    lane.inHeap = true;
    this.heapPush({ lane, order: this.orderOf(lane.items[0]) });
  }

  /** The runnable lane with the lowest head order, left on top of the heap; stale entries are fixed or dropped on the way. */
  private nextLane(): Lane<T> | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      const { lane } = top;
      const runnable = !lane.busy && lane.held === 0 && lane.items.length > 0 && this.lanes.get(lane.id) === lane;
      if (runnable && this.orderOf(lane.items[0]) === top.order) return lane;
      this.heapPopTop();
      lane.inHeap = false;
      // Runnable with a new head (an item held and released): back in at the right place; idle and empty: forgotten.
      if (this.lanes.get(lane.id) === lane) this.offer(lane);
    }
    return undefined;
  }

  private heapPush(entry: { lane: Lane<T>; order: number }): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent].order <= heap[index].order) break;
      [heap[parent], heap[index]] = [heap[index], heap[parent]];
      index = parent;
    }
  }

  private heapPopTop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    this.siftDown(0);
  }

  private siftDown(start: number, size = this.heap.length): void {
    const heap = this.heap;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < size && heap[left].order < heap[smallest].order) smallest = left;
      if (right < size && heap[right].order < heap[smallest].order) smallest = right;
      if (smallest === index) return;
      [heap[smallest], heap[index]] = [heap[index], heap[smallest]];
      index = smallest;
    }
  }
}
