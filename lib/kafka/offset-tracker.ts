/** What one partition's tracker knows about one delivered offset. */
export type OffsetState = 'in-flight' | 'settled' | 'nacked';

/**
 * The offsets of one topic-partition this consumer delivered, and which of
 * them are settled. Kafka commits one number per partition ("everything
 * below is done"), so the offset to commit is the lowest offset not yet
 * settled: a nacked or still running message holds the commit back however
 * many later ones are settled.
 *
 * Offsets must be delivered in increasing order (a redelivery after a nack
 * reuses the existing entry). Pure: no broker, no timers.
 */
export class OffsetTracker {
  /** Every delivered offset below `floor` is settled and was handed out by `committable()`. */
  private floor: number | undefined;
  /** Offsets at or above `floor`, in delivery (= offset) order. */
  private readonly entries = new Map<number, OffsetState>();
  private highest: number | undefined;

  /** Records a (re)delivery. Refuses an offset already in flight or settled (returns false). */
  deliver(offset: number): boolean {
    if (!this.shouldDeliver(offset)) return false;
    if (!this.entries.has(offset)) {
      if (this.highest !== undefined && offset < this.highest) {
        throw new Error(`offset ${offset} delivered after ${this.highest}: a partition is delivered in order`);
      }
      this.highest = offset;
    }
    this.entries.set(offset, 'in-flight');
    return true;
  }

  /** Whether a fetched offset should go to a handler: new, or nacked and due again. */
  shouldDeliver(offset: number): boolean {
    if (this.floor !== undefined && offset < this.floor) return false;
    const state = this.entries.get(offset);
    return state === undefined || state === 'nacked';
  }

  /** The final decision was taken (ack, or reject after the dead letter was written). */
  settle(offset: number): void {
    if (this.entries.has(offset)) this.entries.set(offset, 'settled');
  }

  /** Nacked: still unsettled, and delivered again when it is fetched again. */
  nack(offset: number): void {
    if (this.entries.has(offset)) this.entries.set(offset, 'nacked');
  }

  state(offset: number): OffsetState | undefined {
    if (this.floor !== undefined && offset < this.floor) return 'settled';
    return this.entries.get(offset);
  }

  /** Offsets delivered and not settled (in flight or nacked). */
  get unsettled(): number {
    let count = 0;
    for (const state of this.entries.values()) if (state !== 'settled') count++;
    return count;
  }

  /**
   * The offset to commit: the lowest unsettled one, or one past the highest
   * settled when all are settled; undefined when nothing was delivered.
   * Forgets the settled prefix it covers.
   */
  committable(): number | undefined {
    for (const [offset, state] of this.entries) {
      if (state !== 'settled') {
        this.floor = offset;
        return offset;
      }
      this.entries.delete(offset);
    }
    if (this.highest !== undefined) this.floor = this.highest + 1;
    return this.floor;
  }
}
