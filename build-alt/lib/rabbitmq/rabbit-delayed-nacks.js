"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DelayedNacks = void 0;
/**
 * Nacks with a delay. The message stays unacked on its channel until the
 * delay ends, then goes back to the queue: it holds one prefetch slot but no
 * concurrency slot, and if the process dies meanwhile the broker redelivers
 * it (unacked messages return when the channel closes). Nothing is stored
 * outside the broker.
 */
class DelayedNacks {
    onError;
    pending = new Map();
    constructor(onError) {
        this.onError = onError;
    }
    get size() {
        return this.pending.size;
    }
    /** Calls `requeue` after `delayMs` (errors go to `onError`). */
    schedule(message, delayMs, requeue) {
        const timer = setTimeout(() => this.fire(message), delayMs);
        this.pending.set(message, { timer, requeue });
    }
    /** Requeues every waiting message now (at close, so they come back promptly to other consumers). */
    async flush() {
        await Promise.all([...this.pending.keys()].map((message) => this.fire(message)));
    }
    /** Forgets the messages of a closed channel: the broker has requeued them already. */
    dropSession(session) {
        for (const [message, entry] of this.pending) {
            if (message.session !== session)
                continue;
            clearTimeout(entry.timer);
            this.pending.delete(message);
        }
    }
    async fire(message) {
        const entry = this.pending.get(message);
        if (!entry)
            return;
        clearTimeout(entry.timer);
        this.pending.delete(message);
        try {
            await entry.requeue();
        }
        catch (error) {
            this.onError(error);
        }
    }
}
exports.DelayedNacks = DelayedNacks;
//# sourceMappingURL=rabbit-delayed-nacks.js.map