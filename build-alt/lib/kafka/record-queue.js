"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RecordQueue = void 0;
/**
 * A first-in first-out queue with O(1) take: `Array.shift()` copies the whole
 * array, which made draining a large fetch batch quadratic.
 */
class RecordQueue {
    items = [];
    head = 0;
    get length() {
        return this.items.length - this.head;
    }
    push(item) {
        this.items.push(item);
    }
    /** The item `take()` would return, left in place. */
    peek() {
        return this.head < this.items.length ? this.items[this.head] : undefined;
    }
    take() {
        if (this.head >= this.items.length)
            return undefined;
        const item = this.items[this.head];
        this.items[this.head++] = undefined;
        // Drop the consumed front once it is most of the array, so memory stays bounded.
        if (this.head >= 1024 && this.head * 2 >= this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return item;
    }
    clear() {
        this.items = [];
        this.head = 0;
    }
}
exports.RecordQueue = RecordQueue;
//# sourceMappingURL=record-queue.js.map