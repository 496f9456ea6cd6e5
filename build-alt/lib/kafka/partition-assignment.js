"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PartitionAssignment = void 0;
const keyed_partition_worker_1 = require("./keyed-partition-worker");
const ordered_partition_worker_1 = require("./ordered-partition-worker");
const partition_fetch_1 = require("./partition-fetch");
/**
 * The partitions this consumer owns, one `PartitionWorker` each (its kind set
 * by `ordering`), kept in step with the group's assignment (kafkajs
 * `GROUP_JOIN` after every rebalance). Fetched batches come in through
 * `receive`, confirmed commits through `committed`.
 */
class PartitionAssignment {
    control;
    coalescer;
    settings;
    workers = new Map();
    constructor(control, coalescer, settings) {
        this.control = control;
        this.coalescer = coalescer;
        this.settings = settings;
    }
    /** How many partitions this consumer owns. */
    get owned() {
        return this.workers.size;
    }
    /** A fetched batch of one partition: queued on its worker. */
    receive(topic, partition, records) {
        this.workerFor(topic, partition).enqueue(records);
    }
    /** The broker confirmed a commit of `topic`/`partition` at `offset` (from the coalescer). */
    committed(topic, partition, offset) {
        this.workers.get(`${topic}/${partition}`)?.committed(offset);
    }
    /**
     * After each (re)join: partitions still ours are fetched again from their
     * commit (kafkajs restarts there) and committed again; revoked ones are
     * retired (their running handlers no longer commit, their delivery counts are
     * forgotten with their tracker); new ones get a worker.
     */
    assign(assignment) {
        const assigned = new Map();
        for (const [topic, partitions] of Object.entries(assignment)) {
            for (const partition of partitions)
                assigned.set(`${topic}/${partition}`, [topic, partition]);
        }
        for (const [key, worker] of this.workers) {
            if (assigned.has(key)) {
                worker.rejoined();
                this.coalescer.reset(worker.topic, worker.partition); // the flush racing the rejoin may have been refused
                continue;
            }
            worker.retire();
            this.coalescer.drop(worker.topic, worker.partition);
            this.workers.delete(key);
        }
        for (const [key, [topic, partition]] of assigned) {
            if (this.workers.has(key))
                continue;
            this.workerFor(topic, partition).fetch.assigned(); // clears a pause left from an earlier ownership
        }
    }
    /** The worker of a partition (created when missing). */
    workerFor(topic, partition) {
        const key = `${topic}/${partition}`;
        let worker = this.workers.get(key);
        if (!worker) {
            const fetch = new partition_fetch_1.PartitionFetch(topic, partition, this.control);
            const { ordering } = this.settings;
            worker = ordering === 'partition' ? new ordered_partition_worker_1.OrderedPartitionWorker(topic, partition, fetch, this.settings) : new keyed_partition_worker_1.KeyedPartitionWorker(topic, partition, fetch, this.settings, ordering);
            this.workers.set(key, worker);
        }
        return worker;
    }
    /** Closing: deliver nothing more. */
    stopAll() {
        for (const worker of this.workers.values())
            worker.stop();
    }
}
exports.PartitionAssignment = PartitionAssignment;
//# sourceMappingURL=partition-assignment.js.map