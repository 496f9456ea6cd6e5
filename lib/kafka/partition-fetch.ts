import type { Consumer } from 'kafkajs';
import { kafkaFailure } from './kafka-errors';

/**
 * The consumer's fetch controls (kafkajs `pause` / `resume` / `seek`), shared by
 * every partition. Before the consumer exists and after it is closed, calls do
 * nothing. kafkajs throws from them while it restarts a crashed consumer; the
 * restart rejoins and `PartitionAssignment.assign` then sets every partition
 * straight, so a failure is reported, not thrown.
 */
export class FetchControl {
  private consumer: Pick<Consumer, 'pause' | 'resume' | 'seek'> | undefined;

  constructor(private readonly reportError: (error: Error, what: string) => void) {}

  /** Uses `consumer` from now on (`undefined`: do nothing any more). */
  use(consumer: Pick<Consumer, 'pause' | 'resume' | 'seek'> | undefined): void {
    this.consumer = consumer;
  }

  pause(topic: string, partition: number): void {
    this.safely('pause', (consumer) => consumer.pause([{ topic, partitions: [partition] }]));
  }

  resume(topic: string, partition: number): void {
    this.safely('resume', (consumer) => consumer.resume([{ topic, partitions: [partition] }]));
  }

  seek(topic: string, partition: number, offset: string): void {
    this.safely('seek', (consumer) => consumer.seek({ topic, partition, offset }));
  }

  private safely(what: string, call: (consumer: Pick<Consumer, 'pause' | 'resume' | 'seek'>) => void): void {
    if (!this.consumer) return;
    try {
      call(this.consumer);
    } catch (error) {
      this.reportError(kafkaFailure(error), `Kafka consumer ${what}`);
    }
  }
}

/**
 * When one partition is fetched: paused while its worker's queue is full
 * (back-pressure) and while a nacked message waits for its delay, after which
 * the fetch position moves back to the nacked offset. Used by the partition's
 * worker (back-pressure, rejoin) and by `KafkaCommands.nack`.
 */
export class PartitionFetch {
  private bufferPaused = false;
  private retry: { offset: number; dueAt: number; timer: NodeJS.Timeout } | undefined;
  private stopped = false;
  private nacks = 0;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly control: FetchControl,
  ) {}

  /** Whether the partition waits for a nacked message's delay (records fetched meanwhile are dropped). */
  get waitingForRetry(): boolean {
    return this.retry !== undefined;
  }

  /** Grows with each nack: records the worker queued before it are stale (read again after the delay). */
  get generation(): number {
    return this.nacks;
  }

  /** The worker's queue is full: stop fetching. */
  holdBack(): void {
    if (this.bufferPaused || this.stopped) return;
    this.bufferPaused = true;
    this.control.pause(this.topic, this.partition);
  }

  /** The worker's queue drained: fetch again (unless a retry waits). */
  release(): void {
    if (!this.bufferPaused || this.retry || this.stopped) return;
    this.bufferPaused = false;
    this.control.resume(this.topic, this.partition);
  }

  /** Re-read from `offset` (and everything after it) after `delayMs`; fetching pauses meanwhile. */
  retryFrom(offset: number, delayMs: number): void {
    if (this.stopped) return;
    this.nacks++;
    const dueAt = Date.now() + delayMs;
    if (this.retry) {
      // Several nacks (manual ones, settled late): re-read from the lowest, after the latest delay.
      clearTimeout(this.retry.timer);
      this.retry.offset = Math.min(this.retry.offset, offset);
      this.retry.dueAt = Math.max(this.retry.dueAt, dueAt);
    } else {
      this.control.pause(this.topic, this.partition);
      this.retry = { offset, dueAt, timer: undefined as unknown as NodeJS.Timeout };
    }
    this.retry.timer = setTimeout(() => this.readAgain(), Math.max(0, this.retry.dueAt - Date.now()));
  }

  /** First assignment, or kept after a rebalance: kafkajs fetches from the commit; clear pauses left behind. */
  assigned(): void {
    if (this.stopped) return;
    this.bufferPaused = false;
    if (!this.retry) this.control.resume(this.topic, this.partition);
  }

  /** No more fetching decisions (partition revoked, or the server closes). */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = undefined;
  }

  private readAgain(): void {
    const retry = this.retry;
    this.retry = undefined;
    if (!retry || this.stopped) return;
    this.bufferPaused = false;
    this.control.seek(this.topic, this.partition, String(retry.offset));
    this.control.resume(this.topic, this.partition);
  }
}
