import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import type { CommitCoalescer } from './commit-coalescer';
import type { KafkaOrdering } from './kafka-ack-server-options';
import { type FetchControl } from './partition-fetch';
import type { PartitionWorker, PartitionWorkerSettings } from './partition-worker';
/** The worker settings plus the order records are handed out in. */
export interface PartitionAssignmentSettings extends PartitionWorkerSettings {
    ordering: KafkaOrdering;
}
/**
 * The partitions this consumer owns, one `PartitionWorker` each (its kind set
 * by `ordering`), kept in step with the group's assignment (kafkajs
 * `GROUP_JOIN` after every rebalance). Fetched batches come in through
 * `receive`, confirmed commits through `committed`.
 */
export declare class PartitionAssignment {
    private readonly control;
    private readonly coalescer;
    private readonly settings;
    private readonly workers;
    constructor(control: FetchControl, coalescer: CommitCoalescer, settings: PartitionAssignmentSettings);
    /** How many partitions this consumer owns. */
    get owned(): number;
    /** A fetched batch of one partition: queued on its worker. */
    receive(topic: string, partition: number, records: KafkaRecord[]): void;
    /** The broker confirmed a commit of `topic`/`partition` at `offset` (from the coalescer). */
    committed(topic: string, partition: number, offset: number): void;
    /**
     * After each (re)join: partitions still ours are fetched again from their
     * commit (kafkajs restarts there) and committed again; revoked ones are
     * retired (their running handlers no longer commit, their delivery counts are
     * forgotten with their tracker); new ones get a worker.
     */
    assign(assignment: Record<string, number[]>): void;
    /** The worker of a partition (created when missing). */
    workerFor(topic: string, partition: number): PartitionWorker;
    /** Closing: deliver nothing more. */
    stopAll(): void;
}
