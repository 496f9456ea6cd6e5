import type { Consumer } from 'kafkajs';
/**
 * The consumer's fetch controls (kafkajs `pause` / `resume` / `seek`), shared by
 * every partition. Before the consumer exists and after it is closed, calls do
 * nothing. kafkajs throws from them while it restarts a crashed consumer; the
 * restart rejoins and `PartitionAssignment.assign` then sets every partition
 * straight, so a failure is reported, not thrown.
 */
export declare class FetchControl {
    private readonly reportError;
    private consumer;
    constructor(reportError: (error: Error, what: string) => void);
    /** Uses `consumer` from now on (`undefined`: do nothing any more). */
    use(consumer: Pick<Consumer, 'pause' | 'resume' | 'seek'> | undefined): void;
    pause(topic: string, partition: number): void;
    resume(topic: string, partition: number): void;
    seek(topic: string, partition: number, offset: string): void;
    private safely;
}
/**
 * When one partition is fetched: paused while its worker's queue is full
 * (back-pressure) and while a nacked message waits for its delay, after which
 * the fetch position moves back to the nacked offset. Used by the partition's
 * worker (back-pressure, rejoin) and by `KafkaCommands.nack`.
 */
export declare class PartitionFetch {
    readonly topic: string;
    readonly partition: number;
    private readonly control;
    private bufferPaused;
    private retry;
    private stopped;
    private nacks;
    constructor(topic: string, partition: number, control: FetchControl);
    /** Whether the partition waits for a nacked message's delay (records fetched meanwhile are dropped). */
    get waitingForRetry(): boolean;
    /** Grows with each nack: records the worker queued before it are stale (read again after the delay). */
    get generation(): number;
    /** The worker's queue is full: stop fetching. */
    holdBack(): void;
    /** The worker's queue drained: fetch again (unless a retry waits). */
    release(): void;
    /** Re-read from `offset` (and everything after it) after `delayMs`; fetching pauses meanwhile. */
    retryFrom(offset: number, delayMs: number): void;
    /** First assignment, or kept after a rebalance: kafkajs fetches from the commit; clear pauses left behind. */
    assigned(): void;
    /** No more fetching decisions (partition revoked, or the server closes). */
    stop(): void;
    private readAgain;
}
