import type { BrokerCommands } from '../core/broker-commands';
import { type DeadLetterRecord } from '../core/dead-letter-record';
import { DelayedNacks } from './redis-delayed-nacks';
import type { RedisMessage } from './redis-message';
import type { ScriptedRedis } from './redis-scripts';
import type { RedisServerSettings } from './redis-settings';
/**
 * The broker side of ack / nack / reject / lease on a consumer group, each
 * one atomic step (a command or a Lua script, see `redis-scripts.ts`):
 *
 * - ack: `XACK` (+ `XDEL`, + `XTRIM MAXLEN ~` when configured);
 * - nack: the entry stays pending and is given the idle time that makes it
 *   claimable (`XAUTOCLAIM` by any consumer) when the delay ends; the reclaim
 *   increments times-delivered, the delivery count;
 * - reject: `XADD` to `<stream>:dlq` with the original fields plus the
 *   `x-dead-letter-*` fields, then `XACK`; a refused `XADD` throws before the ack;
 * - lease: `XCLAIM ... JUSTID` to ourselves resets the idle time of a running handler's entry.
 *
 * A step on an entry no longer pending with us (acked by another consumer
 * after a reclaim, or gone with a Redis restart) throws `DeliveryGoneError`.
 */
export declare class RedisCommands implements BrokerCommands<RedisMessage> {
    private readonly redis;
    private readonly settings;
    readonly leaseRenewalMs: number;
    readonly delayedNacks: DelayedNacks;
    constructor(redis: () => ScriptedRedis, settings: RedisServerSettings, report: (error: unknown) => void);
    ack(message: RedisMessage): Promise<void>;
    nack(message: RedisMessage, delayMs: number): Promise<void>;
    reject(message: RedisMessage, record: DeadLetterRecord): Promise<void>;
    extendLease(message: RedisMessage): Promise<void>;
    /**
     * An entry read while intake was stopping, never handed to a handler: made
     * claimable at once, with its delivery counted back, so another consumer
     * takes it without waiting `minIdleMs`.
     */
    returnUnstarted(message: RedisMessage): Promise<void>;
    private touch;
}
