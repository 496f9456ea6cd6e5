/** One partition's next commit, as the coalescer asks for it. */
export interface CommitSource {
  topic: string;
  partition: number;
  /** The offset to commit now (lowest unsettled), or undefined when nothing was delivered. */
  committable(): number | undefined;
}

/** Sends `commitOffsets` for the given partitions (kafkajs `consumer.commitOffsets`). */
export type CommitOffsets = (offsets: Array<{ topic: string; partition: number; offset: string }>) => Promise<void>;

export interface CommitCoalescerOptions {
  commit: CommitOffsets;
  /** Longest time a settlement waits for its commit. */
  intervalMs: number;
  /** Settlements that trigger a commit at once. */
  everyN: number;
  /** Reports a failed commit (the offsets stay due and go with the next flush). */
  onError: (error: Error) => void;
}

/**
 * Coalesces commits: settlements mark their partition dirty; a flush commits
 * every dirty partition's `committable()` offset when `everyN` settlements
 * piled up, `intervalMs` after the first of them, or when asked (ACK_FIRST,
 * close, rebalance). Flushes run one at a time; a flush asked for while one
 * runs waits for a second pass so it covers every settlement before it.
 */
export class CommitCoalescer {
  private readonly dirty = new Set<CommitSource>();
  /** Last offset committed per partition, to skip commits that would not move. */
  private readonly committed = new Map<CommitSource, number>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;

  constructor(private readonly options: CommitCoalescerOptions) {}

  /** A message of `source` was settled. */
  settled(source: CommitSource): void {
    this.dirty.add(source);
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

  /** Forgets what was committed for `source`: its next flush commits again (after a rebalance). */
  reset(source: CommitSource): void {
    this.committed.delete(source);
    this.dirty.add(source);
  }

  /** Drops a partition given up (its offsets are no longer ours to commit). */
  drop(source: CommitSource): void {
    this.dirty.delete(source);
    this.committed.delete(source);
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
    const sources = [...this.dirty];
    this.dirty.clear();
    const offsets: Array<{ source: CommitSource; offset: number }> = [];
    for (const source of sources) {
      const offset = source.committable();
      if (offset === undefined || this.committed.get(source) === offset) continue;
      offsets.push({ source, offset });
    }
    if (offsets.length === 0) return;
    try {
      await this.options.commit(offsets.map(({ source, offset }) => ({ topic: source.topic, partition: source.partition, offset: String(offset) })));
    } catch (error) {
      for (const { source } of offsets) this.dirty.add(source);
      const failure = error instanceof Error ? error : new Error(String(error));
      this.options.onError(failure);
      throw failure;
    }
    for (const { source, offset } of offsets) this.committed.set(source, offset);
  }
}
