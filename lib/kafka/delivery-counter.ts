/**
 * Delivery counts of Kafka messages, which the broker does not keep: per
 * topic/partition/offset, in this process's memory. A count starts at 1 on
 * the first delivery this consumer sees and grows with each redelivery after
 * a nack. It restarts at 1 after a rebalance hands the partition to another
 * consumer, or after a crash: `maxDeliveries` bounds retries within one
 * consumer's ownership of the partition, not across the group's lifetime.
 */
export class DeliveryCounter {
  private readonly counts = new Map<string, number>();

  /** Counts one delivery and returns the count, 1 for the first. */
  next(topic: string, partition: number, offset: number): number {
    const key = counterKey(topic, partition, offset);
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count;
  }

  /** Forgets a settled message. */
  forget(topic: string, partition: number, offset: number): void {
    this.counts.delete(counterKey(topic, partition, offset));
  }

  /** Forgets every count of a partition this consumer gave up. */
  forgetPartition(topic: string, partition: number): void {
    const prefix = `${topic}/${partition}/`;
    for (const key of this.counts.keys()) if (key.startsWith(prefix)) this.counts.delete(key);
  }

  get size(): number {
    return this.counts.size;
  }
}

function counterKey(topic: string, partition: number, offset: number): string {
  return `${topic}/${partition}/${offset}`;
}
