"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommitCoalescer = void 0;
/**
 * Coalesces commits and sends them (kafkajs `consumer.commitOffsets`): each
 * settlement hands over its partition's offset to commit; a flush commits every
 * partition whose offset moved when `everyN` settlements piled up, `intervalMs`
 * after the first of them, or when asked (ACK_FIRST, close, rebalance, a
 * partition whose commit window is full: `hurry`). Flushes run one at a time;
 * a flush asked for while one runs waits for a second pass so it covers every
 * settlement before it. A failed commit is tried again `intervalMs` later.
 */
class CommitCoalescer {
    options;
    partitions = new Map();
    dirty = new Set();
    /** Partitions whose commit window is full: their next settlement commits at once. */
    hurried = new Set();
    consumer;
    pendingCount = 0;
    timer;
    running;
    again;
    constructor(options) {
        this.options = options;
    }
    /** Commits through `consumer` from now on (`undefined`: nothing is sent; what is due stays due). */
    use(consumer) {
        this.consumer = consumer;
    }
    /** A message of `topic`/`partition` was settled; `offset` is the partition's offset to commit now (undefined: nothing yet). */
    settled(topic, partition, offset) {
        if (offset !== undefined) {
            const key = `${topic}/${partition}`;
            let entry = this.partitions.get(key);
            if (!entry)
                this.partitions.set(key, (entry = { topic, partition, due: offset }));
            entry.due = offset;
            this.dirty.add(entry);
            if (this.hurried.has(key) && entry.due !== entry.committed) {
                this.hurried.delete(key);
                this.pendingCount++;
                void this.flush().catch(() => undefined);
                return;
            }
        }
        this.pendingCount++;
        if (this.pendingCount >= this.options.everyN) {
            void this.flush().catch(() => undefined);
            return;
        }
        this.timer ??= setTimeout(() => {
            this.timer = undefined;
            void this.flush().catch(() => undefined);
        }, this.options.intervalMs);
    }
    /**
     * A partition waits for its commit (its window is full): commit what it
     * settled now, or at its next settlement when nothing new is due yet.
     */
    hurry(topic, partition) {
        const key = `${topic}/${partition}`;
        const entry = this.partitions.get(key);
        if (entry && this.dirty.has(entry) && entry.due !== entry.committed) {
            void this.flush().catch(() => undefined);
            return;
        }
        this.hurried.add(key);
    }
    /** Forgets what was committed for a partition: its next flush commits again (kept after a rebalance). */
    reset(topic, partition) {
        const entry = this.partitions.get(`${topic}/${partition}`);
        if (!entry)
            return;
        entry.committed = undefined;
        this.dirty.add(entry);
    }
    /** Drops a partition given up (its offsets are no longer ours to commit). */
    drop(topic, partition) {
        const key = `${topic}/${partition}`;
        const entry = this.partitions.get(key);
        if (entry)
            this.dirty.delete(entry);
        this.partitions.delete(key);
        this.hurried.delete(key);
    }
    /** Commits every dirty partition now; resolves when the commit covering all earlier settlements is done. Rejects when it failed. */
    flush() {
        if (!this.running) {
            this.running = this.commitDirty().finally(() => (this.running = undefined));
            return this.running;
        }
        this.again ??= this.running
            .catch(() => undefined)
            .then(() => {
            this.again = undefined;
            return this.flush();
        });
        return this.again;
    }
    /** Stops the timer (after the final flush). */
    stop() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    async commitDirty() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        this.pendingCount = 0;
        const consumer = this.consumer;
        if (!consumer)
            return;
        const due = [...this.dirty].filter((entry) => entry.committed !== entry.due).map((entry) => ({ entry, offset: entry.due }));
        this.dirty.clear();
        if (due.length === 0)
            return;
        try {
            await consumer.commitOffsets(due.map(({ entry, offset }) => ({ topic: entry.topic, partition: entry.partition, offset: String(offset) })));
        }
        catch (error) {
            for (const { entry } of due)
                if (this.partitions.get(`${entry.topic}/${entry.partition}`) === entry)
                    this.dirty.add(entry);
            // Tried again even when nothing else settles: a partition whose window is full waits for this commit.
            this.timer ??= setTimeout(() => {
                this.timer = undefined;
                void this.flush().catch(() => undefined);
            }, this.options.intervalMs);
            const failure = error instanceof Error ? error : new Error(String(error));
            this.options.onError(failure);
            throw failure;
        }
        for (const { entry, offset } of due) {
            entry.committed = offset;
            if (this.partitions.get(`${entry.topic}/${entry.partition}`) === entry)
                this.options.onCommitted?.(entry.topic, entry.partition, offset);
        }
    }
}
exports.CommitCoalescer = CommitCoalescer;
//# sourceMappingURL=commit-coalescer.js.map