import { nackDelaysKey } from './redis-delayed-nacks';
import { ensureGroups, isNoGroup } from './redis-groups';
import { toRedisMessage, type RedisMessage } from './redis-message';
import type { ScriptedRedis } from './redis-scripts';
import type { RedisServerSettings } from './redis-settings';
import type { DeliverySlots } from '../core/delivery-slots';

type ReclaimReply = [Buffer, [Buffer, Buffer[] | null][], number[]];

/** Scan steps per stream and tick: a long pending list is walked over several ticks. */
const STEPS_PER_TICK = 4;
/**
 * Idle entries looked at per step, at least: claimed `JUSTID` (no fields
 * read), most of them nacks whose wait Redis holds and that go back pending
 * untouched. Only as many as there are free slots are delivered.
 */
const SCAN_COUNT = 100;

/**
 * Every `claimIntervalMs`, takes over (`XAUTOCLAIM`) the entries of every
 * stream that have been idle for `minIdleMs`: those of a consumer that died,
 * and nacked entries whose delay ran out (a nack sets the idle time that makes
 * them due; a long delay's due time is in Redis, and an entry claimed before
 * it goes back pending, undelivered). Delivers no more entries than there are
 * free slots; entries this process already holds are not delivered twice.
 */
export class Reclaimer {
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private readonly cursors = new Map<string, string>();

  constructor(
    private readonly redis: () => ScriptedRedis,
    private readonly streams: string[],
    private readonly settings: RedisServerSettings,
    private readonly held: DeliverySlots,
    private readonly deliver: (message: RedisMessage) => void,
    private readonly report: (error: Error, what: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.claimIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.redis().status !== 'ready') return;
    this.ticking = true;
    try {
      for (const stream of this.streams) await this.reclaim(stream);
    } catch (error) {
      if (isNoGroup(error)) {
        await ensureGroups(this.redis(), this.streams, this.settings.group, this.settings.startId).catch(() => undefined);
      } else {
        this.report(error as Error, 'XAUTOCLAIM failed');
      }
    } finally {
      this.ticking = false;
    }
  }

  private async reclaim(stream: string): Promise<void> {
    const { group, consumer, minIdleMs } = this.settings;
    for (let step = 0; step < STEPS_PER_TICK && this.timer && this.held.free > 0; step++) {
      const cursor = this.cursors.get(stream) ?? '0-0';
      const room = this.held.free;
      const [next, entries, counts] = (await this.redis().nestjsAckReclaimBuffer(stream, nackDelaysKey(stream, group), group, consumer, minIdleMs, cursor, Math.max(room, SCAN_COUNT), room)) as ReclaimReply;
      const nextCursor = next.toString('utf8');
      this.cursors.set(stream, nextCursor);
      const stillHeld: RedisMessage[] = [];
      entries.forEach(([id, flat], i) => {
        if (!flat || !this.timer) return; // deleted from the stream: XAUTOCLAIM dropped it from the pending list
        const message = toRedisMessage(stream, id.toString('utf8'), flat, group, Number(counts[i]) || 1, this.settings.maxMessageBytes);
        if (this.held.has(message.key)) stillHeld.push(message);
        else this.deliver(message);
      });
      // Nacked a moment ago and still finishing here: XAUTOCLAIM counted a delivery and reset its idle time,
      // which would hold it back a whole minIdleMs and count one delivery too many. Give both back, so a
      // later tick takes it once this process let go of it.
      for (const message of stillHeld) await this.redis().nestjsAckTouch(stream, group, consumer, message.id, minIdleMs, message.deliveryCount - 1);
      if (nextCursor === '0-0') return;
    }
  }
}
