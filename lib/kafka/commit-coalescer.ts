import type { Consumer } from 'kafkajs';
import { kafkaFailure } from './kafka-errors';

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

interface PartitionCommit {
  topic: string;
  partition: number;
  /** The offset to commit next (the partition's lowest unsettled offset, as of its last settlement); undefined before the first. */
  due?: number;
  /** The offset last committed, to skip commits that would not move. */
  committed?: number;
  /** The partition's commit window is full: its next settlement commits at once. */
  hurried: boolean;
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
export class CommitCoalescer {
  /** By topic, then partition: a settlement builds no key string. */
  private readonly partitions = new Map<string, Map<number, PartitionCommit>>();
  private readonly dirty = new Set<PartitionCommit>();
  private consumer: Pick<Consumer, 'commitOffsets'> | undefined;
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;

  constructor(private readonly options: CommitCoalescerOptions) {}

  /** Commits through `consumer` from now on (`undefined`: nothing is sent; what is due stays due). */
  use(consumer: Pick<Consumer, 'commitOffsets'> | undefined): void {
    this.consumer = consumer;
  }

  /** A message of `topic`/`partition` was settled; `offset` is the partition's offset to commit now (undefined: nothing yet). */
  settled(topic: string, partition: number, offset: number | undefined): void {
    if (offset !== undefined) {
      const entry = this.entry(topic, partition, true)!;
      entry.due = offset;
      this.dirty.add(entry);
      if (entry.hurried && entry.due !== entry.committed) {
        entry.hurried = false;
        this.pendingCount++;
        void this.flush().catch(() => undefined);
        return;
      }
    }
    this.pendingCount++;
    if (this.pendingCount >= this.options.everyN) {
      void this.flush().catch(() => undefined);
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.options.intervalMs);
  }

  /**
   * A partition waits for its commit (its window is full): commit what it
   * settled now, or at its next settlement when nothing new is due yet.
   */
  hurry(topic: string, partition: number): void {
    const entry = this.entry(topic, partition, true)!;
    if (entry.due !== undefined && this.dirty.has(entry) && entry.due !== entry.committed) {
      void this.flush().catch(() => undefined);
      return;
    }
    entry.hurried = true;
  }

  /** Forgets what was committed for a partition: its next flush commits again (kept after a rebalance). */
  reset(topic: string, partition: number): void {
    const entry = this.entry(topic, partition, false);
    if (entry?.due === undefined) return;
    entry.committed = undefined;
    this.dirty.add(entry);
  }

  /** Drops a partition given up (its offsets are no longer ours to commit). */
  drop(topic: string, partition: number): void {
    const entry = this.entry(topic, partition, false);
    if (!entry) return;
    this.dirty.delete(entry);
    this.partitions.get(topic)!.delete(partition);
  }

  /** The partition's entry; created when `create` is set. */
  private entry(topic: string, partition: number, create: boolean): PartitionCommit | undefined {
    let byPartition = this.partitions.get(topic);
    let entry = byPartition?.get(partition);
    if (entry || !create) return entry;
    if (!byPartition) this.partitions.set(topic, (byPartition = new Map()));
    byPartition.set(partition, (entry = { topic, partition, hurried: false }));
    return entry;
  }

  /** Commits every dirty partition now; resolves when the commit covering all earlier settlements is done. Rejects when it failed. */
  flush(): Promise<void> {
    if (!this.running) {
      this.running = this.commitDirty().finally(() => (this.running = undefined));
      return this.running;
    }
    this.again ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.again = undefined;
        return this.flush();
      });
    return this.again;
  }

  /** Stops the timer (after the final flush). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async commitDirty(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingCount = 0;
    const consumer = this.consumer;
    if (!consumer) return;
    const due = [...this.dirty].filter((entry) => entry.due !== undefined && entry.committed !== entry.due).map((entry) => ({ entry, offset: entry.due! }));
    this.dirty.clear();
    if (due.length === 0) return;
    try {
      await consumer.commitOffsets(due.map(({ entry, offset }) => ({ topic: entry.topic, partition: entry.partition, offset: String(offset) })));
    } catch (error) {
      for (const { entry } of due) if (this.entry(entry.topic, entry.partition, false) === entry) this.dirty.add(entry);
      // Tried again even when nothing else settles: a partition whose window is full waits for this commit.
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush().catch(() => undefined);
      }, this.options.intervalMs);
      const failure = kafkaFailure(error);
      this.options.onError(failure);
      throw failure;
    }
    for (const { entry, offset } of due) {
      entry.committed = offset;
      if (this.entry(entry.topic, entry.partition, false) === entry) this.options.onCommitted?.(entry.topic, entry.partition, offset);
    }
  }
}
