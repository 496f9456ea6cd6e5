"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConcurrencyLimiter = void 0;
/** Counts running handlers and queues callers beyond `limit`, first come first served. */
class ConcurrencyLimiter {
    limit;
    running = 0;
    /** Callers waiting for a slot, from `head` on: shift() on a long array moves every element. */
    waiting = [];
    head = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** Takes a free slot at once; false when all are taken (then `acquire()` queues). */
    tryAcquire() {
        if (this.running >= this.limit)
            return false;
        this.running++;
        return true;
    }
    async acquire() {
        if (this.tryAcquire())
            return;
        await new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        if (this.head === this.waiting.length) {
            this.running--;
            return;
        }
        const next = this.waiting[this.head];
        this.waiting[this.head++] = undefined;
        if (this.head === this.waiting.length) {
            this.waiting = [];
            this.head = 0;
        }
        else if (this.head >= 1024 && this.head * 2 >= this.waiting.length) {
            this.waiting = this.waiting.slice(this.head);
            this.head = 0;
        }
        next();
    }
}
exports.ConcurrencyLimiter = ConcurrencyLimiter;
//# sourceMappingURL=concurrency-limiter.js.map