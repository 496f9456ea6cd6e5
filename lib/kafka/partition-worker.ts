import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { toKafkaMessage, type KafkaMessage } from './kafka-message';
import { OffsetTracker } from './offset-tracker';
import type { PartitionFetch } from './partition-fetch';
import { RecordQueue } from './record-queue';

/** What every partition worker of a server shares. */
export interface PartitionWorkerSettings {
  /** Processes one delivery to the end, handler and policy: the server's `handleMessage` (core `AckServer`). */
  handle: (message: KafkaMessage) => Promise<void>;
  /** Records queued per partition before its fetching pauses. */
  maxQueued: number;
  /** Reports an unexpected failure. */
  reportError: (error: Error, what: string) => void;
}

/**
 * Runs one topic-partition: records are handled one at a time in offset
 * order (partitions run side by side, up to the server's concurrency). The
 * fetch loop only queues records here, so a slow handler never stalls other
 * partitions nor the group heartbeat.
 *
 * Each record becomes a `KafkaMessage` carrying the partition's `tracker` and
 * `fetch`, so its settlement (`KafkaCommands`) goes on from there and never
 * comes back here. A nack (`fetch.retryFrom`) blocks the partition: the queue
 * is dropped, fetching pauses for the delay, then the records are read again
 * from the nacked offset. Offsets already in flight or settled are skipped on
 * the re-read (the tracker knows them), so only the nacked message and the
 * ones never started are delivered again.
 */
export class PartitionWorker {
  readonly tracker = new OffsetTracker();
  private readonly queue = new RecordQueue<KafkaRecord>();
  private pumping = false;
  private closed = false;
  /** The fetch's nack generation the queued records belong to. */
  private generation = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly fetch: PartitionFetch,
    private readonly settings: PartitionWorkerSettings,
  ) {}

  /** Records fetched and not yet started. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queues fetched records (in offset order) and starts handling them. */
  enqueue(records: KafkaRecord[]): void {
    if (this.closed || this.fetch.waitingForRetry) return; // re-read after the seek, or no longer ours
    this.dropStaleRecords();
    for (const record of records) {
      if (this.tracker.shouldDeliver(Number(record.offset))) this.queue.push(record);
    }
    if (this.queue.length >= this.settings.maxQueued) this.fetch.holdBack();
    void this.pump();
  }

  /** After the group rebalanced and this consumer kept the partition: kafkajs fetches again from the committed offset. */
  rejoined(): void {
    if (this.closed) return;
    this.queue.clear();
    this.fetch.assigned();
  }

  /** The partition was given to another consumer: deliver nothing more, settle nothing more. */
  retire(): void {
    this.tracker.retire();
    this.stop();
  }

  /** The server is closing: deliver nothing more (settlements of running handlers still count). */
  stop(): void {
    this.closed = true;
    this.queue.clear();
    this.fetch.stop();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.fetch.waitingForRetry) {
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

  private releaseWhenDrained(): void {
    if (!this.closed && this.queue.length <= this.settings.maxQueued / 2) this.fetch.release();
  }
}
