import type { Consumer } from 'kafkajs';
export interface CommitCoalescerOptions {
    /** Longest time a settlement waits for its commit. */
    intervalMs: number;
    /** Settlements that trigger a commit at once. */
    everyN: number;
    /** Reports a failed commit (the offsets stay due and go with the next flush, at most `intervalMs` later). */
    onError: (error: Error) => void;
    /** The broker confirmed a partition's commit at `offset` (the partition's commit window moves). */
    onCommitted?: (topic: string, partition: number, offset: number) => void;
}
/**
 * Coalesces commits and sends them (kafkajs `consumer.commitOffsets`): each
 * settlement hands over its partition's offset to commit; a flush commits every
 * partition whose offset moved when `everyN` settlements piled up, `intervalMs`
 * after the first of them, or when asked (ACK_FIRST, close, rebalance, a
 * partition whose commit window is full: `hurry`). Flushes run one at a time;
 * a flush asked for while one runs waits for a second pass so it covers every
 * settlement before it. A failed commit is tried again `intervalMs` later.
 */
export declare class CommitCoalescer {
    private readonly options;
    private readonly partitions;
    private readonly dirty;
    /** Partitions whose commit window is full: their next settlement commits at once. */
    private readonly hurried;
    private consumer;
    private pendingCount;
    private timer;
    private running;
    private again;
    constructor(options: CommitCoalescerOptions);
    /** Commits through `consumer` from now on (`undefined`: nothing is sent; what is due stays due). */
    use(consumer: Pick<Consumer, 'commitOffsets'> | undefined): void;
    /** A message of `topic`/`partition` was settled; `offset` is the partition's offset to commit now (undefined: nothing yet). */
    settled(topic: string, partition: number, offset: number | undefined): void;
    /**
     * A partition waits for its commit (its window is full): commit what it
     * settled now, or at its next settlement when nothing new is due yet.
     */
    hurry(topic: string, partition: number): void;
    /** Forgets what was committed for a partition: its next flush commits again (kept after a rebalance). */
    reset(topic: string, partition: number): void;
    /** Drops a partition given up (its offsets are no longer ours to commit). */
    drop(topic: string, partition: number): void;
    /** Commits every dirty partition now; resolves when the commit covering all earlier settlements is done. Rejects when it failed. */
    flush(): Promise<void>;
    /** Stops the timer (after the final flush). */
    stop(): void;
    private commitDirty;
}
