import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { toKafkaMessage } from './kafka-message';
import { PartitionWorker } from './partition-worker';
import { RecordQueue } from './record-queue';

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
export class OrderedPartitionWorker extends PartitionWorker {
  private readonly queue = new RecordQueue<KafkaRecord>();
  private pumping = false;
  /** The fetch's nack generation the queued records belong to. */
  private generation = 0;

  get queued(): number {
    return this.queue.length;
  }

  nack(offset: number, delayMs: number): void {
    this.fetch.retryFrom(this.tracker.nack(offset), delayMs);
  }

  protected accept(records: KafkaRecord[]): void {
    this.dropStaleRecords();
    for (const record of records) {
      if (this.tracker.shouldDeliver(Number(record.offset))) this.queue.push(record);
    }
  }

  protected dropQueued(): void {
    this.queue.clear();
  }

  protected pump(): void {
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.fetch.waitingForRetry) {
        if (!this.withinWindow(Number(this.queue.peek()!.offset))) break; // `committed` pumps again
        const record = this.queue.take()!;
        let deliveryCount: number;
        try {
          deliveryCount = this.tracker.deliver(Number(record.offset));
        } catch (error) {
          this.settings.reportError(error as Error, `partition ${this.topic}/${this.partition}`);
          continue;
        }
        if (deliveryCount === 0) continue; // in flight or settled already
        this.releaseWhenDrained();
        await this.settings.handle(toKafkaMessage(record, this, deliveryCount));
        this.dropStaleRecords();
      }
    } finally {
      this.pumping = false;
    }
    this.releaseWhenDrained();
  }

  /** A nack since the records were queued: they are read again from the nacked offset. */
  private dropStaleRecords(): void {
    if (this.generation === this.fetch.generation) return;
    this.generation = this.fetch.generation;
    this.queue.clear();
  }
}
