import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { PartitionWorker } from './partition-worker';
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
export declare class OrderedPartitionWorker extends PartitionWorker {
    private readonly queue;
    private pumping;
    /** The fetch's nack generation the queued records belong to. */
    private generation;
    get queued(): number;
    nack(offset: number, delayMs: number): void;
    protected accept(records: KafkaRecord[]): void;
    protected dropQueued(): void;
    protected pump(): void;
    private run;
    /** A nack since the records were queued: they are read again from the nacked offset. */
    private dropStaleRecords;
}
