"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DelayedNacks = void 0;
/**
 * Nacks whose delay is longer than `minIdleMs`. A pending entry becomes
 * claimable once idle for `minIdleMs`, and Redis cannot set an idle time below
 * zero, so such an entry is kept young (`touch(idle 0)`) every `renewalMs`
 * until less than `minIdleMs` of its delay is left, then given the idle time
 * that makes it claimable exactly when the delay ends. A crash meanwhile only
 * shortens the delay to `minIdleMs`: a redelivery, never a loss.
 */
class DelayedNacks {
    minIdleMs;
    renewalMs;
    touch;
    report;
    waiting = new Map();
    constructor(minIdleMs, renewalMs, 
    /** Sets the entry's idle time (`XCLAIM ... IDLE idle JUSTID` to ourselves); resolves false when it is no longer ours. */
    touch, report) {
        this.minIdleMs = minIdleMs;
        this.renewalMs = renewalMs;
        this.touch = touch;
        this.report = report;
    }
    get size() {
        return this.waiting.size;
    }
    /** The idle time to give now, and whether the entry needs later renewals. */
    idleFor(delayMs) {
        return delayMs < this.minIdleMs ? { idleMs: this.minIdleMs - delayMs, keep: false } : { idleMs: 0, keep: true };
    }
    /** Keeps `message` (already touched with idle 0) until its delay is almost over. */
    keep(message, delayMs) {
        const dueAt = Date.now() + delayMs;
        this.schedule(message, dueAt);
    }
    /** At close: every kept entry becomes claimable at once, so other consumers need not wait. */
    async releaseAll() {
        const entries = [...this.waiting.values()];
        this.waiting.clear();
        for (const entry of entries)
            clearTimeout(entry.timer);
        await Promise.all(entries.map((entry) => this.touch(entry.message, this.minIdleMs).catch(this.report)));
    }
    /** At close without a connection: stops keeping them (they become claimable after `minIdleMs`). */
    dropAll() {
        for (const entry of this.waiting.values())
            clearTimeout(entry.timer);
        this.waiting.clear();
    }
    schedule(message, dueAt) {
        const timer = setTimeout(() => void this.renew(message, dueAt), this.renewalMs);
        timer.unref();
        this.waiting.set(message.key, { message, dueAt, timer });
    }
    async renew(message, dueAt) {
        if (!this.waiting.has(message.key))
            return;
        const left = dueAt - Date.now();
        const last = left < this.minIdleMs;
        try {
            const ours = await this.touch(message, last ? this.minIdleMs - Math.max(0, left) : 0);
            if (!ours || last) {
                this.waiting.delete(message.key);
                return;
            }
        }
        catch (error) {
            this.report(error);
        }
        if (this.waiting.has(message.key))
            this.schedule(message, dueAt);
    }
}
exports.DelayedNacks = DelayedNacks;
//# sourceMappingURL=redis-delayed-nacks.js.map