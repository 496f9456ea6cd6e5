import type { RedisMessage } from './redis-message';

/** The sorted set of due times of a group's long-delayed nacks on `stream` (score: due time, ms of Redis's clock). */
export function nackDelaysKey(stream: string, group: string): string {
  return `${stream}:nack-delays:${group}`;
}

/**
 * Nacks whose delay is `minIdleMs` or longer. A pending entry becomes
 * claimable once idle for `minIdleMs`, and Redis cannot set an idle time below
 * zero, so such a delay cannot be one idle time. Its due time is recorded in
 * Redis (`nackDelaysKey`), and the reclaim delivers an entry only once it is
 * due (earlier claims put it back, see `nestjsAckReclaim`): the wait survives
 * a crash or a close, and costs no process memory.
 *
 * Up to `maxHeld` of them are also held here: kept young every `renewalMs`
 * (so no reclaim scan needs to look at them) until less than `minIdleMs` is
 * left, then given the idle time that makes them claimable when due. Beyond
 * `maxHeld`, Redis alone holds the wait.
 */
export class RedisDelayedNacks {
  private readonly waiting = new Map<string, { message: RedisMessage; dueAt: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly minIdleMs: number,
    private readonly renewalMs: number,
    private readonly maxHeld: number,
    /**
     * `nestjsAckHold`: records the due time (`record`) or renews from it, sets
     * the entry's idle time; resolves with the ms left, or -1 when the entry is no longer ours.
     */
    private readonly hold: (message: RedisMessage, delayMs: number, record: boolean) => Promise<number>,
    /** Sets the entry's idle time (`XCLAIM ... IDLE idle JUSTID` to ourselves); resolves false when it is no longer ours. */
    private readonly touch: (message: RedisMessage, idleMs: number) => Promise<boolean>,
    private readonly report: (error: unknown) => void,
  ) {}

  /** Waits this process holds (at most `maxHeld`). */
  get size(): number {
    return this.waiting.size;
  }

  /**
   * Nacks `message` for `delayMs` (>= minIdleMs): records the due time in
   * Redis, and holds the wait here too while there is room. Resolves false when
   * the entry is no longer pending with this consumer.
   */
  async nack(message: RedisMessage, delayMs: number): Promise<boolean> {
    if ((await this.hold(message, delayMs, true)) < 0) return false;
    if (this.waiting.size < this.maxHeld || this.waiting.has(message.key)) this.schedule(message, Date.now() + delayMs);
    return true;
  }

  /**
   * At close: every entry held here becomes claimable at once; the consumer
   * that claims it finds its due time in Redis and waits on.
   */
  async releaseAll(): Promise<void> {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of entries) clearTimeout(entry.timer);
    await Promise.all(entries.map((entry) => this.touch(entry.message, this.minIdleMs).catch(this.report)));
  }

  /** At close without a connection: stops renewing (the entries become claimable after `minIdleMs`, their due times still in Redis). */
  dropAll(): void {
    for (const entry of this.waiting.values()) clearTimeout(entry.timer);
    this.waiting.clear();
  }

  private schedule(message: RedisMessage, dueAt: number): void {
    clearTimeout(this.waiting.get(message.key)?.timer);
    const timer = setTimeout(() => void this.renew(message, dueAt), this.renewalMs);
    timer.unref();
    this.waiting.set(message.key, { message, dueAt, timer });
  }

  private async renew(message: RedisMessage, dueAt: number): Promise<void> {
    if (!this.waiting.has(message.key)) return;
    try {
      // Redis's due time decides (one clock for every consumer); ours only stands in if that record is gone.
      const left = await this.hold(message, Math.max(0, dueAt - Date.now()), false);
      if (left < this.minIdleMs) {
        // Claimable when due now (or no longer ours): nothing more to do here.
        this.waiting.delete(message.key);
        return;
      }
    } catch (error) {
      this.report(error);
    }
    if (this.waiting.has(message.key)) this.schedule(message, dueAt);
  }
}
