import { RecordQueue } from './record-queue';
import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import type { CommitSource } from './commit-coalescer';
import { OffsetTracker } from './offset-tracker';

/** What a partition worker needs from the consumer and the server. */
export interface PartitionHost {
  /** Stops fetching the partition (kafkajs `consumer.pause`). */
  pause(topic: string, partition: number): void;
  /** Fetches the partition again (kafkajs `consumer.resume`). */
  resume(topic: string, partition: number): void;
  /** Moves the partition's fetch position (kafkajs `consumer.seek`). */
  seek(topic: string, partition: number, offset: string): void;
  /** Processes one delivery to the end: handler and policy (the server's `handleMessage`). */
  deliver(worker: PartitionWorker, record: KafkaRecord): Promise<void>;
  /** Reports an unexpected failure. */
  reportError(error: Error, what: string): void;
}

/**
 * Runs one topic-partition: records are handled one at a time in offset
 * order (partitions run side by side, up to the server's concurrency). The
 * fetch loop only queues records here, so a slow handler never stalls other
 * partitions nor the group heartbeat.
 *
 * A nack blocks the partition: the queue is dropped, fetching pauses for the
 * delay, then the fetch position is moved back to the nacked offset and the
 * records are read again from there. Offsets already in flight or settled are
 * skipped on the re-read (the tracker knows them), so only the nacked message
 * and the ones never started are delivered again.
 */
export class PartitionWorker implements CommitSource {
  readonly tracker = new OffsetTracker();
  private readonly queue = new RecordQueue<KafkaRecord>();
  private pumping = false;
  private bufferPaused = false;
  private retry: { offset: number; dueAt: number; timer: NodeJS.Timeout } | undefined;
  private closed: 'retired' | 'stopped' | undefined;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly host: PartitionHost,
    private readonly maxQueued: number,
  ) {}

  /** Whether the partition waits for a nacked message's delay. */
  get waitingForRetry(): boolean {
    return this.retry !== undefined;
  }

  /** Records fetched and not yet started. */
  get queued(): number {
    return this.queue.length;
  }

  committable(): number | undefined {
    return this.tracker.committable();
  }

  /** Queues fetched records (in offset order) and starts handling them. */
  enqueue(records: KafkaRecord[]): void {
    if (this.closed || this.retry) return; // re-read after the seek, or no longer ours
    for (const record of records) {
      if (this.tracker.shouldDeliver(Number(record.offset))) this.queue.push(record);
    }
    if (this.queue.length >= this.maxQueued && !this.bufferPaused) {
      this.bufferPaused = true;
      this.host.pause(this.topic, this.partition);
    }
    void this.pump();
  }

  /** The message at `offset` was settled (acked, or rejected after its dead letter was written). */
  settle(offset: number): void {
    this.tracker.settle(offset);
  }

  /** The message at `offset` was nacked: re-read it (and everything after it not yet started) after `delayMs`. */
  nack(offset: number, delayMs: number): void {
    if (this.closed) return;
    this.tracker.nack(offset);
    this.queue.clear();
    const dueAt = Date.now() + delayMs;
    if (this.retry) {
      // Several nacks (manual ones, settled late): re-read from the lowest, after the latest delay.
      clearTimeout(this.retry.timer);
      this.retry.offset = Math.min(this.retry.offset, offset);
      this.retry.dueAt = Math.max(this.retry.dueAt, dueAt);
    } else {
      this.host.pause(this.topic, this.partition);
      this.retry = { offset, dueAt, timer: undefined as unknown as NodeJS.Timeout };
    }
    this.retry.timer = setTimeout(() => this.readAgain(), Math.max(0, this.retry.dueAt - Date.now()));
  }

  /** After the group rebalanced and this consumer kept the partition: kafkajs fetches again from the committed offset. */
  rejoined(): void {
    if (this.closed) return;
    this.queue.clear();
    this.bufferPaused = false;
    if (!this.retry) this.host.resume(this.topic, this.partition);
  }

  /** The partition was given to another consumer: deliver nothing more, settle nothing more. */
  retire(): void {
    this.close('retired');
  }

  /** The server is closing: deliver nothing more (settlements of running handlers still count). */
  stop(): void {
    if (!this.closed) this.close('stopped');
  }

  /** Whether settlements still move this partition's commits. */
  get owns(): boolean {
    return this.closed !== 'retired';
  }

  private close(how: 'retired' | 'stopped'): void {
    this.closed = how;
    this.queue.clear();
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = undefined;
  }

  private readAgain(): void {
    const retry = this.retry;
    this.retry = undefined;
    if (!retry || this.closed) return;
    this.bufferPaused = false;
    this.host.seek(this.topic, this.partition, String(retry.offset));
    this.host.resume(this.topic, this.partition);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.retry) {
        const record = this.queue.take()!;
        try {
          if (!this.tracker.deliver(Number(record.offset))) continue; // in flight or settled already
        } catch (error) {
          this.host.reportError(error as Error, `partition ${this.topic}/${this.partition}`);
          continue;
        }
        this.resumeWhenDrained();
        await this.host.deliver(this, record);
      }
    } finally {
      this.pumping = false;
    }
    this.resumeWhenDrained();
  }

  private resumeWhenDrained(): void {
    if (this.bufferPaused && !this.retry && !this.closed && this.queue.length <= this.maxQueued / 2) {
      this.bufferPaused = false;
      this.host.resume(this.topic, this.partition);
    }
  }
}
