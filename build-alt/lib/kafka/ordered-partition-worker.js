"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrderedPartitionWorker = void 0;
const kafka_message_1 = require("./kafka-message");
const partition_worker_1 = require("./partition-worker");
const record_queue_1 = require("./record-queue");
/**
 * `ordering: 'partition'`: records are handled one at a time in offset order
 * (partitions run side by side, up to the server's concurrency).
 *
 * A nack (`fetch.retryFrom`) blocks the partition: the queue is dropped,
 * fetching pauses for the delay, then the records are read again from the
 * nacked offset. Offsets already in flight or settled are skipped on the
 * re-read (the tracker knows them), so only the nacked message and the ones
 * never started are delivered again.
 */
class OrderedPartitionWorker extends partition_worker_1.PartitionWorker {
    queue = new record_queue_1.RecordQueue();
    pumping = false;
    /** The fetch's nack generation the queued records belong to. */
    generation = 0;
    get queued() {
        return this.queue.length;
    }
    nack(offset, delayMs) {
        this.fetch.retryFrom(this.tracker.nack(offset), delayMs);
    }
    accept(records) {
        this.dropStaleRecords();
        for (const record of records) {
            if (this.tracker.shouldDeliver(Number(record.offset)))
                this.queue.push(record);
        }
    }
    dropQueued() {
        this.queue.clear();
    }
    pump() {
        void this.run();
    }
    async run() {
        if (this.pumping)
            return;
        this.pumping = true;
        try {
            while (this.queue.length > 0 && !this.closed && !this.fetch.waitingForRetry) {
                if (!this.withinWindow(Number(this.queue.peek().offset)))
                    break; // `committed` pumps again
                const record = this.queue.take();
                let deliveryCount;
                try {
                    deliveryCount = this.tracker.deliver(Number(record.offset));
                }
                catch (error) {
                    this.settings.reportError(error, `partition ${this.topic}/${this.partition}`);
                    continue;
                }
                if (deliveryCount === 0)
                    continue; // in flight or settled already
                this.releaseWhenDrained();
                await this.settings.handle((0, kafka_message_1.toKafkaMessage)(record, this, deliveryCount));
                this.dropStaleRecords();
            }
        }
        finally {
            this.pumping = false;
        }
        this.releaseWhenDrained();
    }
    /** A nack since the records were queued: they are read again from the nacked offset. */
    dropStaleRecords() {
        if (this.generation === this.fetch.generation)
            return;
        this.generation = this.fetch.generation;
        this.queue.clear();
    }
}
exports.OrderedPartitionWorker = OrderedPartitionWorker;
//# sourceMappingURL=ordered-partition-worker.js.map