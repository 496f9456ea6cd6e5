import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import type { FetchedFrom, KafkaMessage } from './kafka-message';
import { OffsetTracker } from './offset-tracker';
import type { PartitionFetch } from './partition-fetch';
/** What every partition worker of a server shares. */
export interface PartitionWorkerSettings {
    /** Processes one delivery to the end, handler and policy: the server's `handleMessage` (core `AckServer`). */
    handle: (message: KafkaMessage) => Promise<void>;
    /** Records queued per partition before its fetching pauses. */
    maxQueued: number;
    /** Offsets handed out per partition past its last confirmed commit (`CommitWindow`). */
    maxUncommitted: number;
    /** Handlers one partition runs at once under `ordering: 'key' | 'none'` (the server's `concurrency`). */
    concurrency: number;
    /** The partition's window is full: commit what it settled now instead of after `commitInterval`. */
    hurryCommit: (topic: string, partition: number) => void;
    /** Reports an unexpected failure. */
    reportError: (error: Error, what: string) => void;
}
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
export declare abstract class PartitionWorker implements FetchedFrom {
    readonly topic: string;
    readonly partition: number;
    readonly fetch: PartitionFetch;
    protected readonly settings: PartitionWorkerSettings;
    readonly tracker: OffsetTracker;
    protected closed: boolean;
    private readonly window;
    /** `hurryCommit` was asked since the window last moved. */
    private hurried;
    constructor(topic: string, partition: number, fetch: PartitionFetch, settings: PartitionWorkerSettings);
    /** Records fetched and not yet started. */
    abstract get queued(): number;
    /** A delivery of this partition was nacked: bring it back after `delayMs`. */
    abstract nack(offset: number, delayMs: number): void;
    /** Queues fetched records (in offset order) and starts handling them. */
    enqueue(records: KafkaRecord[]): void;
    /** The broker confirmed this partition's commit at `offset`: the window moves on. */
    committed(offset: number): void;
    /** After the group rebalanced and this consumer kept the partition: kafkajs fetches again from the committed offset. */
    rejoined(): void;
    /** The partition was given to another consumer: deliver nothing more, settle nothing more. */
    retire(): void;
    /** The server is closing: deliver nothing more (settlements of running handlers still count). */
    stop(): void;
    /** Adds fetched records to what waits for a handler (those the tracker says to deliver). */
    protected abstract accept(records: KafkaRecord[]): void;
    /** Drops what waits for a handler (kafkajs fetches it again). */
    protected abstract dropQueued(): void;
    /** Hands out what may start now. */
    protected abstract pump(): void;
    /** Records below a confirmed commit are done for good. */
    protected forgetBelow(_offset: number): void;
    /**
     * Whether `offset` is inside the commit window. From half the window on, the
     * partition's commit is asked for at once, so it is usually confirmed before
     * the window is full and the partition never waits for it.
     */
    protected withinWindow(offset: number): boolean;
    protected releaseWhenDrained(): void;
}
