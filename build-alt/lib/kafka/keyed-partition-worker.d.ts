import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { PartitionWorker, type PartitionWorkerSettings } from './partition-worker';
import type { PartitionFetch } from './partition-fetch';
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
export declare class KeyedPartitionWorker extends PartitionWorker {
    private readonly lanes;
    private running;
    /** Records handed out and not yet below a confirmed commit, by offset: a nack, even a late one, brings one back from here. */
    private readonly handedOut;
    private readonly retryTimers;
    constructor(topic: string, partition: number, fetch: PartitionFetch, settings: PartitionWorkerSettings, ordering: 'key' | 'none');
    get queued(): number;
    nack(offset: number, delayMs: number): void;
    protected accept(records: KafkaRecord[]): void;
    /** Held records go too: kafkajs fetches them again from the commit, and the tracker still counts their deliveries. */
    protected dropQueued(): void;
    protected forgetBelow(offset: number): void;
    protected pump(): void;
    private run;
}
