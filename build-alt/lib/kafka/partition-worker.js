"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PartitionWorker = void 0;
const commit_window_1 = require("./commit-window");
const offset_tracker_1 = require("./offset-tracker");
/**
 * Runs one topic-partition: the fetch loop only queues records here, so a slow
 * handler never stalls other partitions nor the group heartbeat. The subclass
 * decides the order records are handed out in (`OrderedPartitionWorker`,
 * `KeyedPartitionWorker`) and how a nacked one comes back; this class keeps
 * what they share: back-pressure on the fetch, the partition's offsets
 * (`tracker`), and the commit window: records are handed out only up to
 * `maxUncommitted` offsets past the last confirmed commit, so a crash handles
 * at most that many again (`committed` moves it, from the commit coalescer).
 *
 * Each record becomes a `KafkaMessage` carrying the partition's `tracker` and
 * this worker, so its settlement (`KafkaCommands`) marks the tracker, and a
 * nack comes back through `nack`.
 */
class PartitionWorker {
    topic;
    partition;
    fetch;
    settings;
    tracker = new offset_tracker_1.OffsetTracker();
    closed = false;
    window;
    /** `hurryCommit` was asked since the window last moved. */
    hurried = false;
    constructor(topic, partition, fetch, settings) {
        this.topic = topic;
        this.partition = partition;
        this.fetch = fetch;
        this.settings = settings;
        this.window = new commit_window_1.CommitWindow(settings.maxUncommitted);
    }
    /** Queues fetched records (in offset order) and starts handling them. */
    enqueue(records) {
        if (this.closed || this.fetch.waitingForRetry || records.length === 0)
            return; // re-read after the seek, or no longer ours
        this.window.begin(Number(records[0].offset));
        this.accept(records);
        if (this.queued >= this.settings.maxQueued)
            this.fetch.holdBack();
        this.pump();
    }
    /** The broker confirmed this partition's commit at `offset`: the window moves on. */
    committed(offset) {
        if (!this.window.confirm(offset))
            return;
        this.hurried = false;
        this.forgetBelow(offset);
        if (!this.closed)
            this.pump();
    }
    /** After the group rebalanced and this consumer kept the partition: kafkajs fetches again from the committed offset. */
    rejoined() {
        if (this.closed)
            return;
        this.dropQueued();
        this.fetch.assigned();
    }
    /** The partition was given to another consumer: deliver nothing more, settle nothing more. */
    retire() {
        this.tracker.retire();
        this.stop();
    }
    /** The server is closing: deliver nothing more (settlements of running handlers still count). */
    stop() {
        this.closed = true;
        this.dropQueued();
        this.fetch.stop();
    }
    /** Records below a confirmed commit are done for good. */
    forgetBelow(_offset) { }
    /**
     * Whether `offset` is inside the commit window. From half the window on, the
     * partition's commit is asked for at once, so it is usually confirmed before
     * the window is full and the partition never waits for it.
     */
    withinWindow(offset) {
        if (!this.hurried && this.window.halfFull(offset)) {
            this.hurried = true;
            this.settings.hurryCommit(this.topic, this.partition);
        }
        return this.window.allows(offset);
    }
    releaseWhenDrained() {
        if (!this.closed && this.queued <= this.settings.maxQueued / 2)
            this.fetch.release();
    }
}
exports.PartitionWorker = PartitionWorker;
//# sourceMappingURL=partition-worker.js.map