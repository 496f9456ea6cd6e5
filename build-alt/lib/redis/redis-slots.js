"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeldEntries = void 0;
/**
 * The entries this process holds (delivered, handler not finished): reads
 * and reclaims ask for as many entries as there are free slots, so nothing
 * waits unleased in a local queue while it ages towards `minIdleMs`.
 */
class HeldEntries {
    capacity;
    keys = new Set();
    waiters = [];
    constructor(capacity) {
        this.capacity = capacity;
    }
    get free() {
        return Math.max(0, this.capacity - this.keys.size);
    }
    has(key) {
        return this.keys.has(key);
    }
    add(key) {
        this.keys.add(key);
    }
    release(key) {
        if (!this.keys.delete(key))
            return;
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters)
            wake();
    }
    /**
     * Resolves once `atLeast` slots are free, or when `signal` aborts, or (with
     * `timeoutMs`) when the time is up with at least one slot free.
     */
    async waitFree(signal, atLeast = 1, timeoutMs) {
        const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
        while (this.free < atLeast && !signal.aborted) {
            const left = deadline - Date.now();
            if (left <= 0 && this.free > 0)
                return;
            await new Promise((resolve) => {
                let timer;
                const done = () => {
                    clearTimeout(timer);
                    signal.removeEventListener('abort', done);
                    resolve();
                };
                if (left > 0 && left !== Infinity && this.free > 0)
                    timer = setTimeout(done, left);
                this.waiters.push(done);
                signal.addEventListener('abort', done, { once: true });
            });
        }
    }
}
exports.HeldEntries = HeldEntries;
//# sourceMappingURL=redis-slots.js.map