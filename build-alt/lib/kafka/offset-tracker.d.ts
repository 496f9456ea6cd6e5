/** What one partition's tracker knows about one fetched offset. */
export type OffsetState = 'queued' | 'in-flight' | 'settled' | 'nacked';
/**
 * The offsets of one topic-partition this consumer delivered, which of them
 * are settled, and how often each was delivered. Kafka commits one number per
 * partition ("everything below is done"), so the offset to commit is the
 * lowest offset not yet settled: a nacked or still running message holds the
 * commit back however many later ones are settled.
 *
 * Delivery counts live here, in this process's memory (Kafka keeps none): a
 * count starts at 1 on the first delivery this consumer sees and grows with
 * each redelivery after a nack. A partition handed to another consumer, or a
 * crash, starts a fresh tracker: `maxDeliveries` bounds retries within one
 * consumer's ownership of the partition.
 *
 * New offsets must be delivered (or queued) in increasing order (a redelivery
 * after a nack reuses the existing entry). `ordering: 'key' | 'none'` hands
 * records out of order: they are `queue`d first, in fetch order, so a record
 * still waiting for its key holds the commit back like one in flight, and
 * queued offsets may then be delivered in any order. Pure: no broker, no timers.
 */
export declare class OffsetTracker {
    /** Every delivered offset below `floor` is settled and was handed out by `committable()`. */
    private floor;
    /** Offsets at or above `floor`, in delivery (= offset) order. */
    private readonly entries;
    private highest;
    private retired;
    /**
     * Records a (re)delivery and returns its delivery count (1 on the first).
     * Refuses an offset already in flight or settled, or any once retired (returns 0).
     */
    deliver(offset: number): number;
    /**
     * A fetched offset waits for a handler (out-of-order hand-out): unsettled
     * from now on, so the commit stops at it. Returns whether to hand it out
     * later (false: in flight or settled already, or retired).
     */
    queue(offset: number): boolean;
    /** Deliveries of `offset` so far (1 on the first); 0 when not tracked (settled and committed, or never delivered). */
    deliveries(offset: number): number;
    /** Whether a fetched offset should go to a handler: new, queued (fetched again after a rejoin), or nacked and due again. */
    shouldDeliver(offset: number): boolean;
    /**
     * The final decision was taken (ack, or reject after the dead letter was
     * written). Returns the partition's offset to commit now (`committable()`).
     */
    settle(offset: number): number | undefined;
    /**
     * Nacked: still unsettled, and delivered again when it is fetched again.
     * Returns where the partition must be read again from: the lowest nacked
     * offset, so a re-read still due for an earlier nack is not skipped by this one.
     */
    nack(offset: number): number;
    state(offset: number): OffsetState | undefined;
    /** Offsets queued or delivered and not settled (queued, in flight or nacked). */
    get unsettled(): number;
    /** The partition went to another consumer: nothing more is delivered, and settlements no longer count. */
    retire(): void;
    /** Whether this consumer still owns the partition (its settlements move the commit). */
    get owned(): boolean;
    private track;
    /**
     * The offset to commit: the lowest unsettled one, or one past the highest
     * settled when all are settled; undefined when nothing was delivered.
     * Forgets the settled prefix it covers.
     */
    committable(): number | undefined;
}
