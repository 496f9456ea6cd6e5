"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeyScheduler = void 0;
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
class KeyScheduler {
    laneOf;
    orderOf;
    lanes = new Map();
    heap = [];
    count = 0;
    /**
     * @param laneOf the lane of an item (items with equal lanes keep their order)
     * @param orderOf the item's position (its offset): lower goes first
     */
    constructor(laneOf, orderOf) {
        this.laneOf = laneOf;
        this.orderOf = orderOf;
    }
    /** Items waiting to be handed out (held ones included). */
    get waiting() {
        return this.count;
    }
    /** Appends an item to its lane (items arrive in order). */
    push(item) {
        const lane = this.laneFor(this.laneOf(item));
        lane.items.push(item);
        this.count++;
        this.offer(lane);
    }
    /** The next item `take()` would hand out, left in place. */
    peek() {
        return this.nextLane()?.items[0];
    }
    /** Hands out the next item of the runnable lane with the lowest order; its lane is busy until `finish`. */
    take() {
        const lane = this.nextLane();
        if (!lane)
            return undefined;
        this.heapPopTop(); // nextLane left it on top
        lane.inHeap = false;
        lane.busy = true;
        this.count--;
        return lane.items.shift();
    }
    /** The item handed out finished: its lane runs its next item (unless held). */
    finish(item) {
        const lane = this.lanes.get(this.laneOf(item));
        if (!lane)
            return;
        lane.busy = false;
        this.offer(lane);
    }
    /** Puts `item` back in its lane (in order) and makes the lane wait until `release(item)`. */
    hold(item) {
        const lane = this.laneFor(this.laneOf(item));
        const order = this.orderOf(item);
        let index = 0;
        while (index < lane.items.length && this.orderOf(lane.items[index]) < order)
            index++;
        lane.items.splice(index, 0, item);
        lane.held++;
        this.count++;
    }
    /** The held item's delay passed: its lane runs again (from its lowest item). */
    release(item) {
        const lane = this.lanes.get(this.laneOf(item));
        if (!lane || lane.held === 0)
            return;
        lane.held--;
        this.offer(lane);
    }
    /** Drops every waiting and held item; lanes with an item handed out stay busy until it finishes. */
    clear() {
        for (const [id, lane] of this.lanes) {
            lane.items.length = 0;
            lane.held = 0;
            lane.inHeap = false;
            if (!lane.busy)
                this.lanes.delete(id);
        }
        this.heap.length = 0;
        this.count = 0;
    }
    laneFor(id) {
        let lane = this.lanes.get(id);
        if (!lane)
            this.lanes.set(id, (lane = { id, items: [], busy: false, held: 0, inHeap: false }));
        return lane;
    }
    /** Puts a lane that can run into the heap; forgets a lane that is idle and empty. */
    offer(lane) {
        if (lane.busy || lane.held > 0)
            return;
        if (lane.items.length === 0) {
            if (!lane.inHeap)
                this.lanes.delete(lane.id);
            return;
        }
        if (lane.inHeap)
            return;
        lane.inHeap = true;
        this.heapPush({ lane, order: this.orderOf(lane.items[0]) });
    }
    /** The runnable lane with the lowest head order, left on top of the heap; stale entries are fixed or dropped on the way. */
    nextLane() {
        while (this.heap.length > 0) {
            const top = this.heap[0];
            const { lane } = top;
            const runnable = !lane.busy && lane.held === 0 && lane.items.length > 0 && this.lanes.get(lane.id) === lane;
            if (runnable && this.orderOf(lane.items[0]) === top.order)
                return lane;
            this.heapPopTop();
            lane.inHeap = false;
            // Runnable with a new head (an item held and released): back in at the right place; idle and empty: forgotten.
            if (this.lanes.get(lane.id) === lane)
                this.offer(lane);
        }
        return undefined;
    }
    heapPush(entry) {
        const heap = this.heap;
        heap.push(entry);
        let index = heap.length - 1;
        while (index > 0) {
            const parent = (index - 1) >> 1;
            if (heap[parent].order <= heap[index].order)
                break;
            [heap[parent], heap[index]] = [heap[index], heap[parent]];
            index = parent;
        }
    }
    heapPopTop() {
        const heap = this.heap;
        const last = heap.pop();
        if (heap.length === 0)
            return;
        heap[0] = last;
        this.siftDown(0);
    }
    siftDown(start, size = this.heap.length) {
        const heap = this.heap;
        let index = start;
        for (;;) {
            const left = 2 * index + 1;
            const right = left + 1;
            let smallest = index;
            if (left < size && heap[left].order < heap[smallest].order)
                smallest = left;
            if (right < size && heap[right].order < heap[smallest].order)
                smallest = right;
            if (smallest === index)
                return;
            [heap[smallest], heap[index]] = [heap[index], heap[smallest]];
            index = smallest;
        }
    }
}
exports.KeyScheduler = KeyScheduler;
//# sourceMappingURL=key-scheduler.js.map