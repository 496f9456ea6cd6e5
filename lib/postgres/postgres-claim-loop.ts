import type { DeliverySlots } from '../core/delivery-slots';

/** What the claim loop needs from its server. */
export interface ClaimLoopHooks<R> {
  /** Claims up to `limit` rows (one statement). */
  claim(limit: number): Promise<R[]>;
  /** Hands one row to the handler pipeline; resolves when it is settled (or left unsettled). */
  deliver(row: R): Promise<void>;
  /** Gives rows claimed after the loop was stopped back to the queue. */
  release(rows: R[]): Promise<void>;
  /** A claim failed; the loop retries after `pollIntervalMs`. */
  onError(error: unknown): void;
}

/**
 * Claims rows while handler slots are free, then sleeps until woken: by a
 * NOTIFY of a publish, slots that free, a retry that becomes due, or the
 * polling fallback. Never claims more rows than free slots (`DeliverySlots`),
 * so no claimed row waits for a slot while its lease runs out.
 */
export class ClaimLoop<R> {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private wokenEarly = false;
  /** The last claim was limited by free slots, not by due rows: freed slots may find more. */
  private slotBound = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Free slots that are worth a claim after a slot-bound one: half a batch, so one statement serves a few rows, not one. */
  private readonly reclaimAt: number;

  constructor(
    private readonly hooks: ClaimLoopHooks<R>,
    private readonly slots: DeliverySlots,
    private readonly batchSize: number,
    private readonly pollIntervalMs: number,
  ) {
    this.reclaimAt = Math.max(1, Math.floor(Math.min(slots.capacity, batchSize) / 2));
  }

  /** Started and not stopped. */
  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming; resolves once a claim under way has ended (its rows given back). */
  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.wake();
    await this.loop;
  }

  /** Claims again now (a publish was notified). */
  wake(): void {
    this.wokenEarly = true;
    this.wakeUp?.();
  }

  /** Claims again in `delayMs` (a nacked row becomes due). */
  wakeIn(delayMs: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.wake();
    }, Math.max(0, delayMs) + 5);
    timer.unref();
    this.timers.add(timer);
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wokenEarly = false;
      const free = Math.min(this.slots.free, this.batchSize);
      let full = false;
      let failed = false;
      this.slotBound = free <= 0;
      if (free > 0) {
        try {
          const rows = await this.hooks.claim(free);
          if (!this.running) {
            if (rows.length > 0) await this.hooks.release(rows).catch((error) => this.hooks.onError(error));
            return;
          }
          for (const row of rows) void this.slots.hold(() => this.hooks.deliver(row));
          full = rows.length === free;
          this.slotBound = full;
        } catch (error) {
          if (!this.running) return;
          this.hooks.onError(error);
          failed = true;
        }
      }
      // A full batch means more may be due: claim again at once while slots are free.
      if (full && this.slots.free > 0) continue;
      if (this.wokenEarly && !failed) continue;
      // After a failed claim only stop() cuts the wait: a database outage is not a busy loop.
      await this.pause(!failed);
    }
  }

  /** Sleeps `pollIntervalMs`; a wakeable pause also ends on `wake()` and, after a slot-bound claim, once `reclaimAt` slots are free. */
  private async pause(wakeable: boolean): Promise<void> {
    const ended = new AbortController();
    const slept = this.sleep(this.pollIntervalMs, wakeable);
    if (wakeable && this.slotBound) {
      void this.slots.waitFree(ended.signal, this.reclaimAt).then(() => {
        if (!ended.signal.aborted) this.wake();
      });
    }
    await slept;
    ended.abort();
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        if (!wakeable && this.running) return;
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
