import type { Redis } from 'ioredis';
import { disconnectRedis } from './redis-connection';
import { ensureGroups, isNoGroup } from './redis-groups';
import { toRedisMessage, type RedisMessage } from './redis-message';
import type { RedisServerSettings } from './redis-settings';
import type { DeliverySlots } from '../core/delivery-slots';

/** Longest wait for half the window to be free before reading with whatever is free. */
const BATCH_WAIT_MS = 5;

type ReadReply = [Buffer, [Buffer, Buffer[] | null][]][] | null;

/**
 * The read loop on the dedicated blocking connection: one `XREADGROUP GROUP
 * <group> <consumer> COUNT <free slots> BLOCK <blockMs> STREAMS <every stream> >...`
 * at a time, waiting for a free slot first. `stop()` ends a running block at
 * once with `CLIENT UNBLOCK` (a clean empty reply: no entry is taken and dropped).
 */
export class StreamReader {
  private readonly stopped = new AbortController();
  private running?: Promise<void>;
  private clientId?: number;

  constructor(
    private readonly blocking: Redis,
    private readonly commands: Redis,
    private readonly streams: string[],
    private readonly settings: RedisServerSettings,
    private readonly held: DeliverySlots,
    private readonly deliver: (message: RedisMessage) => void,
    private readonly report: (error: Error, what: string) => void,
  ) {
    blocking.on('ready', () => void this.learnClientId());
  }

  async start(): Promise<void> {
    await this.learnClientId();
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    if (this.stopped.signal.aborted) return;
    this.stopped.abort();
    if (this.clientId !== undefined && this.commands.status === 'ready') {
      await this.commands.call('CLIENT', 'UNBLOCK', this.clientId).catch(() => undefined);
    }
    // Redis unreachable (the read waits for a reconnect that may never come): drop the connection instead.
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      this.running?.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.settings.blockMs + 500))),
    ]);
    clearTimeout(timer);
    // Not awaited after that: ioredis 6 leaves a command queued while reconnecting unsettled after disconnect().
    if (ended === false) disconnectRedis(this.blocking);
  }

  private async learnClientId(): Promise<void> {
    try {
      this.clientId = Number(await this.blocking.call('CLIENT', 'ID'));
    } catch {
      // Learned again at the next 'ready'.
    }
  }

  private async loop(): Promise<void> {
    const { group, consumer, blockMs } = this.settings;
    const signal = this.stopped.signal;
    let failures = 0;
    while (!signal.aborted) {
      // Once a slot is free, a few ms more for half the window: one read of many entries instead of many reads of one.
      await this.held.waitFree(signal);
      await this.held.waitFree(signal, Math.ceil(this.held.capacity / 2), BATCH_WAIT_MS);
      if (signal.aborted) break;
      try {
        const reply = (await this.blocking.callBuffer(
          'XREADGROUP', 'GROUP', group, consumer, 'COUNT', this.held.free, 'BLOCK', blockMs,
          'STREAMS', ...this.streams, ...this.streams.map(() => '>'),
        )) as ReadReply;
        failures = 0;
        for (const [key, entries] of reply ?? []) {
          const stream = key.toString('utf8');
          for (const [id, flat] of entries) this.deliver(toRedisMessage(stream, id.toString('utf8'), flat, group, 1, this.settings.maxMessageBytes));
        }
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        if (isNoGroup(error)) {
          // Redis came back without its data: the groups (and streams) are created again.
          await ensureGroups(this.commands, this.streams, group, this.settings.startId).catch((e) => this.report(e, 'could not create the consumer group again'));
        } else if (failures === 1 || failures % 50 === 0) {
          this.report(error as Error, 'XREADGROUP failed; retrying');
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * failures)));
      }
    }
  }
}
