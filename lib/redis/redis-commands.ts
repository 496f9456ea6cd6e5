import type { BrokerCommands } from '../core/broker-commands';
import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';
import { DeadLetterRefusedError, DeliveryGoneError } from '../core/errors';
import { RedisDelayedNacks, nackDelaysKey } from './redis-delayed-nacks';
import type { RedisMessage } from './redis-message';
import { asRedisError, redisErrorCode } from './redis-errors';
import type { ScriptedRedis, ScriptName } from './redis-scripts';
import type { RedisServerSettings } from './redis-settings';
import { RedisFields } from './redis-wire';

/**
 * The broker side of ack / nack / reject / lease on a consumer group, each
 * one atomic step (a command or a Lua script, see `redis-scripts.ts`):
 *
 * - ack: `XACK` (+ `XDEL`, + `XTRIM MAXLEN ~` when configured);
 * - nack: the entry stays pending and is given the idle time that makes it
 *   claimable (`XAUTOCLAIM` by any consumer) when the delay ends; a delay of
 *   `minIdleMs` or more also records its due time (`RedisDelayedNacks`); the
 *   reclaim increments times-delivered, the delivery count;
 * - reject: `XADD` to `<stream>:dlq` with the original fields plus the
 *   `x-dead-letter-*` fields, then `XACK`; a refused `XADD` throws before the ack;
 * - lease: `XCLAIM ... JUSTID` to ourselves resets the idle time of a running handler's entry.
 *
 * A step on an entry no longer pending with us (acked by another consumer
 * after a reclaim, or gone with a Redis restart) throws `DeliveryGoneError`.
 */
export class RedisCommands implements BrokerCommands<RedisMessage> {
  readonly leaseRenewalMs: number;
  readonly delayedNacks: RedisDelayedNacks;

  constructor(
    private readonly redis: () => ScriptedRedis,
    private readonly settings: RedisServerSettings,
    report: (error: unknown) => void,
  ) {
    // A third of minIdle: two renewals may be late before another consumer may claim the entry.
    this.leaseRenewalMs = Math.max(10, Math.floor(settings.minIdleMs / 3));
    this.delayedNacks = new RedisDelayedNacks(
      settings.minIdleMs,
      this.leaseRenewalMs,
      settings.maxHeldNacks,
      (message, delayMs, record) => this.hold(message, delayMs, record),
      (message, idleMs) => this.touch(message, idleMs),
      report,
    );
  }

  async ack(message: RedisMessage): Promise<void> {
    const { deleteOnAck, trimMaxLen } = this.settings;
    const done = await this.script('nestjsAckAck', message.stream, message.group, message.id, deleteOnAck ? 1 : 0, trimMaxLen ?? 0);
    if (done !== 1) throw gone(message, 'ack');
  }

  async nack(message: RedisMessage, delayMs: number): Promise<void> {
    const { minIdleMs } = this.settings;
    // XCLAIM IDLE takes whole ms; rounding up never makes a nack due early.
    const delay = Math.ceil(delayMs);
    const ours = delay < minIdleMs ? await this.touch(message, minIdleMs - delay) : await this.delayedNacks.nack(message, delay);
    if (!ours) throw gone(message, 'nack');
  }

  async reject(message: RedisMessage, record: DeadLetterRecord): Promise<void> {
    const { deadLetterSuffix, deleteOnAck } = this.settings;
    if (deadLetterSuffix === false) {
      await this.ack(message);
      return;
    }
    const entry = deadLetterEntry(message, record);
    const target = `${message.stream}${deadLetterSuffix}`;
    let done: unknown;
    try {
      done = await this.script('nestjsAckReject', message.stream, target, message.group, message.id, deleteOnAck ? 1 : 0, ...entry);
    } catch (error) {
      // An error reply: the script stopped at the refused XADD, the source is still pending (the core nacks it).
      const reply = (error as Error).cause;
      if (redisErrorCode(reply) === undefined) throw error;
      throw new DeadLetterRefusedError(`stream "${target}" refused the dead letter: ${(reply as Error).message}`, { cause: reply });
    }
    if (done !== 1) throw gone(message, 'dead-letter');
  }

  async extendLease(message: RedisMessage): Promise<void> {
    if (!(await this.touch(message, 0))) throw gone(message, 'extend the lease of');
  }

  /**
   * An entry read while intake was stopping, never handed to a handler: made
   * claimable at once, with its delivery counted back, so another consumer
   * takes it without waiting `minIdleMs`.
   */
  async returnUnstarted(message: RedisMessage): Promise<void> {
    await this.touch(message, this.settings.minIdleMs, message.deliveryCount - 1);
  }

  private async hold(message: RedisMessage, delayMs: number, record: boolean): Promise<number> {
    const { consumer, minIdleMs } = this.settings;
    const left = await this.script('nestjsAckHold', message.stream, nackDelaysKey(message.stream, message.group), message.group, consumer, message.id, minIdleMs, Math.ceil(delayMs), record ? 1 : 0);
    return Number(left);
  }

  private async touch(message: RedisMessage, idleMs: number, retryCount?: number): Promise<boolean> {
    const args: (string | number)[] = [message.stream, message.group, this.settings.consumer, message.id, idleMs];
    if (retryCount !== undefined) args.push(retryCount);
    return (await this.script('nestjsAckTouch', ...args)) === 1;
  }

  /** Runs one of our scripts; a failure is an `AckError` (see `asRedisError`). */
  private async script(name: ScriptName, ...args: (string | number | Buffer)[]): Promise<unknown> {
    try {
      return await this.redis()[name](...args);
    } catch (error) {
      throw asRedisError(error);
    }
  }
}

/**
 * The dead-letter entry: the original fields (body byte for byte, headers,
 * reply address), then one field per dead-letter fact (`x-dead-letter-reason`,
 * `-source`, `-delivery-count`, `-error-name`, `-error-message`, `-first-failure-at`, `-last-failure-at`).
 */
function deadLetterEntry(message: RedisMessage, record: DeadLetterRecord): (string | Buffer)[] {
  const pairs: (string | Buffer)[] = [];
  for (const [name, value] of message.fields) pairs.push(name, value);
  if (!message.fields.has(RedisFields.BODY)) pairs.push(RedisFields.BODY, record.body);
  for (const [name, value] of Object.entries(deadLetterHeaders({ ...record, headers: {} }))) pairs.push(name, value);
  return pairs;
}

function gone(message: RedisMessage, what: string): DeliveryGoneError {
  return new DeliveryGoneError(
    `cannot ${what} entry ${message.id} of "${message.stream}": it is no longer pending with this consumer (settled by another consumer after a reclaim, or the stream is gone)`,
  );
}
