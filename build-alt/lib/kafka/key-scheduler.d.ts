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
export declare class KeyScheduler<T> {
    private readonly laneOf;
    private readonly orderOf;
    private readonly lanes;
    private readonly heap;
    private count;
    /**
     * @param laneOf the lane of an item (items with equal lanes keep their order)
     * @param orderOf the item's position (its offset): lower goes first
     */
    constructor(laneOf: (item: T) => unknown, orderOf: (item: T) => number);
    /** Items waiting to be handed out (held ones included). */
    get waiting(): number;
    /** Appends an item to its lane (items arrive in order). */
    push(item: T): void;
    /** The next item `take()` would hand out, left in place. */
    peek(): T | undefined;
    /** Hands out the next item of the runnable lane with the lowest order; its lane is busy until `finish`. */
    take(): T | undefined;
    /** The item handed out finished: its lane runs its next item (unless held). */
    finish(item: T): void;
    /** Puts `item` back in its lane (in order) and makes the lane wait until `release(item)`. */
    hold(item: T): void;
    /** The held item's delay passed: its lane runs again (from its lowest item). */
    release(item: T): void;
    /** Drops every waiting and held item; lanes with an item handed out stay busy until it finishes. */
    clear(): void;
    private laneFor;
    /** Puts a lane that can run into the heap; forgets a lane that is idle and empty. */
    private offer;
    /** The runnable lane with the lowest head order, left on top of the heap; stale entries are fixed or dropped on the way. */
    private nextLane;
    private heapPush;
    private heapPopTop;
    private siftDown;
}
