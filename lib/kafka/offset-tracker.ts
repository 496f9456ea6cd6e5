import { InvalidStateError } from '../core/errors';

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
export class OffsetTracker {
  /** Every delivered offset below `floor` is settled and was handed out by `committable()`. */
  private floor: number | undefined;
  /** Offsets at or above `floor`, in delivery (= offset) order. */
  private readonly entries = new Map<number, { state: OffsetState; deliveries: number }>();
  /**
   * The same offsets in delivery order, from `head` on: `committable()` walks
   * its settled prefix from here. Walking the Map instead would also pass over
   * the deleted entries V8 keeps in it until it rehashes, on every settlement.
   */
  private order: number[] = [];
  private head = 0;
  private highest: number | undefined;
  private retired = false;

  /**
   * Records a (re)delivery and returns its delivery count (1 on the first).
   * Refuses an offset already in flight or settled, or any once retired (returns 0).
   */
  deliver(offset: number): number {
    if (!this.shouldDeliver(offset)) return 0;
    const entry = this.entries.get(offset);
    if (entry) {
      entry.state = 'in-flight';
      return ++entry.deliveries;
    }
    this.track(offset, 'in-flight', 1);
    return 1;
  }

  /**
   * A fetched offset waits for a handler (out-of-order hand-out): unsettled
   * from now on, so the commit stops at it. Returns whether to hand it out
   * later (false: in flight or settled already, or retired).
   */
  queue(offset: number): boolean {
    if (!this.shouldDeliver(offset)) return false;
    if (!this.entries.has(offset)) this.track(offset, 'queued', 0);
    return true;
  }

  /** Deliveries of `offset` so far (1 on the first); 0 when not tracked (settled and committed, or never delivered). */
  deliveries(offset: number): number {
    return this.entries.get(offset)?.deliveries ?? 0;
  }

  /** Whether a fetched offset should go to a handler: new, queued (fetched again after a rejoin), or nacked and due again. */
  shouldDeliver(offset: number): boolean {
    if (this.retired) return false;
    if (this.floor !== undefined && offset < this.floor) return false;
    const state = this.entries.get(offset)?.state;
    return state === undefined || state === 'queued' || state === 'nacked';
  }

  /**
   * The final decision was taken (ack, or reject after the dead letter was
   * written). Returns the partition's offset to commit now (`committable()`).
   */
  settle(offset: number): number | undefined {
    const entry = this.entries.get(offset);
    if (entry) entry.state = 'settled';
    return this.committable();
  }

  /**
   * Nacked: still unsettled, and delivered again when it is fetched again.
   * Returns where the partition must be read again from: the lowest nacked
   * offset, so a re-read still due for an earlier nack is not skipped by this one.
   */
  nack(offset: number): number {
    const entry = this.entries.get(offset);
    if (entry) entry.state = 'nacked';
    for (let i = this.head; i < this.order.length; i++) if (this.entries.get(this.order[i])!.state === 'nacked') return Math.min(this.order[i], offset);
    return offset;
  }

  state(offset: number): OffsetState | undefined {
    if (this.floor !== undefined && offset < this.floor) return 'settled';
    return this.entries.get(offset)?.state;
  }

  /** Offsets queued or delivered and not settled (queued, in flight or nacked). */
  get unsettled(): number {
    let count = 0;
    for (const { state } of this.entries.values()) if (state !== 'settled') count++;
    return count;
  }

  /** The partition went to another consumer: nothing more is delivered, and settlements no longer count. */
  retire(): void {
    this.retired = true;
  }

  /** Whether this consumer still owns the partition (its settlements move the commit). */
  get owned(): boolean {
    return !this.retired;
  }

  private track(offset: number, state: OffsetState, deliveries: number): void {
    if (this.highest !== undefined && offset < this.highest) {
      throw new InvalidStateError(`offset ${offset} delivered after ${this.highest}: a partition is delivered in order`);
    }
    this.highest = offset;
    this.entries.set(offset, { state, deliveries });
    this.order.push(offset);
  }

  /**
   * The offset to commit: the lowest unsettled one, or one past the highest
   * settled when all are settled; undefined when nothing was delivered.
   * Forgets the settled prefix it covers.
   */
  committable(): number | undefined {
    const { order, entries } = this;
    while (this.head < order.length) {
      const offset = order[this.head];
      if (entries.get(offset)!.state !== 'settled') {
        this.floor = offset;
        this.compact();
        return offset;
      }
      entries.delete(offset);
      this.head++;
    }
    this.order = [];
    this.head = 0;
    if (this.highest !== undefined) this.floor = this.highest + 1;
    return this.floor;
  }

  /** Drops the walked prefix of `order` once it is most of the array. */
  private compact(): void {
    if (this.head >= 1024 && this.head * 2 >= this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}
