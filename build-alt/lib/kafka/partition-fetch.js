"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PartitionFetch = exports.FetchControl = void 0;
/**
 * The consumer's fetch controls (kafkajs `pause` / `resume` / `seek`), shared by
 * every partition. Before the consumer exists and after it is closed, calls do
 * nothing. kafkajs throws from them while it restarts a crashed consumer; the
 * restart rejoins and `PartitionAssignment.assign` then sets every partition
 * straight, so a failure is reported, not thrown.
 */
class FetchControl {
    reportError;
    consumer;
    constructor(reportError) {
        this.reportError = reportError;
    }
    /** Uses `consumer` from now on (`undefined`: do nothing any more). */
    use(consumer) {
        this.consumer = consumer;
    }
    pause(topic, partition) {
        this.safely('pause', (consumer) => consumer.pause([{ topic, partitions: [partition] }]));
    }
    resume(topic, partition) {
        this.safely('resume', (consumer) => consumer.resume([{ topic, partitions: [partition] }]));
    }
    seek(topic, partition, offset) {
        this.safely('seek', (consumer) => consumer.seek({ topic, partition, offset }));
    }
    safely(what, call) {
        if (!this.consumer)
            return;
        try {
            call(this.consumer);
        }
        catch (error) {
            this.reportError(error instanceof Error ? error : new Error(String(error)), `Kafka consumer ${what}`);
        }
    }
}
exports.FetchControl = FetchControl;
/**
 * When one partition is fetched: paused while its worker's queue is full
 * (back-pressure) and while a nacked message waits for its delay, after which
 * the fetch position moves back to the nacked offset. Used by the partition's
 * worker (back-pressure, rejoin) and by `KafkaCommands.nack`.
 */
class PartitionFetch {
    topic;
    partition;
    control;
    bufferPaused = false;
    retry;
    stopped = false;
    nacks = 0;
    constructor(topic, partition, control) {
        this.topic = topic;
        this.partition = partition;
        this.control = control;
    }
    /** Whether the partition waits for a nacked message's delay (records fetched meanwhile are dropped). */
    get waitingForRetry() {
        return this.retry !== undefined;
    }
    /** Grows with each nack: records the worker queued before it are stale (read again after the delay). */
    get generation() {
        return this.nacks;
    }
    /** The worker's queue is full: stop fetching. */
    holdBack() {
        if (this.bufferPaused || this.stopped)
            return;
        this.bufferPaused = true;
        this.control.pause(this.topic, this.partition);
    }
    /** The worker's queue drained: fetch again (unless a retry waits). */
    release() {
        if (!this.bufferPaused || this.retry || this.stopped)
            return;
        this.bufferPaused = false;
        this.control.resume(this.topic, this.partition);
    }
    /** Re-read from `offset` (and everything after it) after `delayMs`; fetching pauses meanwhile. */
    retryFrom(offset, delayMs) {
        if (this.stopped)
            return;
        this.nacks++;
        const dueAt = Date.now() + delayMs;
        if (this.retry) {
            // Several nacks (manual ones, settled late): re-read from the lowest, after the latest delay.
            clearTimeout(this.retry.timer);
            this.retry.offset = Math.min(this.retry.offset, offset);
            this.retry.dueAt = Math.max(this.retry.dueAt, dueAt);
        }
        else {
            this.control.pause(this.topic, this.partition);
            this.retry = { offset, dueAt, timer: undefined };
        }
        this.retry.timer = setTimeout(() => this.readAgain(), Math.max(0, this.retry.dueAt - Date.now()));
    }
    /** First assignment, or kept after a rebalance: kafkajs fetches from the commit; clear pauses left behind. */
    assigned() {
        if (this.stopped)
            return;
        this.bufferPaused = false;
        if (!this.retry)
            this.control.resume(this.topic, this.partition);
    }
    /** No more fetching decisions (partition revoked, or the server closes). */
    stop() {
        this.stopped = true;
        if (this.retry)
            clearTimeout(this.retry.timer);
        this.retry = undefined;
    }
    readAgain() {
        const retry = this.retry;
        this.retry = undefined;
        if (!retry || this.stopped)
            return;
        this.bufferPaused = false;
        this.control.seek(this.topic, this.partition, String(retry.offset));
        this.control.resume(this.topic, this.partition);
    }
}
exports.PartitionFetch = PartitionFetch;
//# sourceMappingURL=partition-fetch.js.map