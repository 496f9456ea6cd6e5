/**
 * The deliveries a server holds (taken from the broker, policy step not done),
 * counted against its `concurrency`. Every transport's intake asks it how many
 * deliveries to fetch (`free`) and waits on it (`waitFree`), so nothing waits
 * in a local queue while the broker's lease on it runs out.
 *
 * A slot is taken with a key (a Redis entry id, a row id: `has(key)` then
 * tells whether this process still holds that delivery) or without one.
 */
export class DeliverySlots {
  private readonly keys = new Set<unknown>();
  private unkeyed = 0;
  private waiters: (() => void)[] = [];

  constructor(
    /** How many deliveries may be held at once. */
    readonly capacity: number,
  ) {}

  /** Slots held now. */
  get taken(): number {
    return this.keys.size + this.unkeyed;
  }

  /** Slots free now (never below 0). */
  get free(): number {
    return Math.max(0, this.capacity - this.taken);
  }

  /** Whether the delivery of `key` holds a slot. */
  has(key: unknown): boolean {
    return this.keys.has(key);
  }

  /** Takes a slot, for the delivery of `key` when given; a key already held takes nothing more. */
  take(key?: unknown): void {
    if (key === undefined) this.unkeyed++;
    else this.keys.add(key);
  }

  /** Gives back the slot of `key` (or an unkeyed one) and wakes every waiter; a key not held is ignored. */
  release(key?: unknown): void {
    if (key === undefined) {
      if (this.unkeyed === 0) return;
      this.unkeyed--;
    } else if (!this.keys.delete(key)) {
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Runs `work` in a slot taken now, and gives the slot back when it settles. */
  hold<T>(work: () => Promise<T>, key?: unknown): Promise<T> {
    this.take(key);
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.finally(() => this.release(key));
  }

  /**
   * Resolves once `atLeast` slots are free, or when `signal` aborts, or (with
   * `timeoutMs`) when the time is up with at least one slot free.
   */
  async waitFree(signal: AbortSignal, atLeast = 1, timeoutMs?: number): Promise<void> {
    const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
    while (this.free < atLeast && !signal.aborted) {
      const left = deadline - Date.now();
      if (left <= 0 && this.free > 0) return;
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        if (left > 0 && left !== Infinity && this.free > 0) timer = setTimeout(done, left);
        this.waiters.push(done);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }
}
