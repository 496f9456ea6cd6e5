"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeyedPartitionWorker = void 0;
const key_scheduler_1 = require("./key-scheduler");
const kafka_message_1 = require("./kafka-message");
const partition_worker_1 = require("./partition-worker");
/** The lane of every record without a key under `ordering: 'key'`: they keep their order among themselves. */
const NULL_KEY = Symbol('null key');
/** Records of one key share a lane; `latin1` maps each byte to one character, so equal bytes and only those share it. */
function keyLane(record) {
    return record.key === null ? NULL_KEY : record.key.toString('latin1');
}
/** Every record its own lane. */
function ownLane(record) {
    return record.offset;
}
/**
 * `ordering: 'key'` and `'none'`: up to `concurrency` records of the partition
 * run at once (the server's limit still holds across partitions). Under
 * `'key'`, records of one key run one at a time in offset order (records
 * without a key count as one key); under `'none'` in any order. Records are
 * registered in the tracker as they are queued, so the commit never passes
 * one still waiting for its key.
 *
 * A nack holds only the record's key: the record goes back to the front of its
 * key's lane, which waits for the delay while other keys flow, then it is
 * handled again from memory (no seek). The commit stays at the nacked offset
 * meanwhile, so other keys go on up to the commit window, not further.
 */
class KeyedPartitionWorker extends partition_worker_1.PartitionWorker {
    lanes;
    running = 0;
    /** Records handed out and not yet below a confirmed commit, by offset: a nack, even a late one, brings one back from here. */
    handedOut = new Map();
    retryTimers = new Map();
    constructor(topic, partition, fetch, settings, ordering) {
        super(topic, partition, fetch, settings);
        this.lanes = new key_scheduler_1.KeyScheduler(ordering === 'key' ? keyLane : ownLane, (record) => Number(record.offset));
    }
    get queued() {
        return this.lanes.waiting;
    }
    nack(offset, delayMs) {
        this.tracker.nack(offset);
        const record = this.handedOut.get(offset);
        if (!record || this.closed || this.retryTimers.has(offset))
            return;
        this.lanes.hold(record);
        const timer = setTimeout(() => {
            this.retryTimers.delete(offset);
            this.lanes.release(record);
            this.pump();
        }, delayMs);
        this.retryTimers.set(offset, timer);
    }
    accept(records) {
        for (const record of records) {
            try {
                if (this.tracker.queue(Number(record.offset)))
                    this.lanes.push(record);
            }
            catch (error) {
                this.settings.reportError(error, `partition ${this.topic}/${this.partition}`);
            }
        }
    }
    /** Held records go too: kafkajs fetches them again from the commit, and the tracker still counts their deliveries. */
    dropQueued() {
        for (const timer of this.retryTimers.values())
            clearTimeout(timer);
        this.retryTimers.clear();
        this.lanes.clear();
    }
    forgetBelow(offset) {
        for (const handed of this.handedOut.keys())
            if (handed < offset)
                this.handedOut.delete(handed);
    }
    pump() {
        while (!this.closed && this.running < this.settings.concurrency) {
            const next = this.lanes.peek();
            if (!next || !this.withinWindow(Number(next.offset)))
                break; // `committed` pumps again
            const record = this.lanes.take();
            const offset = Number(record.offset);
            const deliveryCount = this.tracker.deliver(offset);
            if (deliveryCount === 0) {
                this.lanes.finish(record); // settled or in flight already (fetched twice)
                continue;
            }
            this.handedOut.set(offset, record);
            this.running++;
            void this.run(record, deliveryCount);
        }
        this.releaseWhenDrained();
    }
    async run(record, deliveryCount) {
        try {
            await this.settings.handle((0, kafka_message_1.toKafkaMessage)(record, this, deliveryCount));
        }
        finally {
            this.running--;
            this.lanes.finish(record);
            this.pump();
        }
    }
}
exports.KeyedPartitionWorker = KeyedPartitionWorker;
//# sourceMappingURL=keyed-partition-worker.js.map