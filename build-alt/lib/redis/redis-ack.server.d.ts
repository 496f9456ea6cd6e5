import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import type { BrokerHealth } from '../core/broker-health';
import type { RedisAckServerOptions } from './redis-ack-server-options';
import { RedisCommands } from './redis-commands';
import { RedisAckContext } from './redis-context';
import type { RedisMessage } from './redis-message';
import { type RedisServerSettings } from './redis-settings';
/** Identifies this transport to Nest's processing hooks. */
export declare const REDIS_TRANSPORT: unique symbol;
/**
 * A NestJS microservice transport on Redis Streams with the nestjs-ack
 * contract: one consumer group over one stream per handler pattern, every
 * entry settled exactly once by policy (`XACK`; nack = stays pending and is
 * reclaimed when its delay ends; reject = `XADD` to `<stream>:dlq` then
 * `XACK`), entries of dead consumers reclaimed with `XAUTOCLAIM`, replies
 * pushed to the caller's list, and ioredis reconnecting by itself.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new RedisAckServer({ connection: process.env.REDIS_URL, group: 'orders-service' }),
 * });
 * ```
 */
export declare class RedisAckServer extends AckServer<RedisMessage> {
    /** The checked broker options. */
    readonly brokerSettings: RedisServerSettings;
    protected readonly commands: RedisCommands;
    protected readonly contextType: typeof RedisAckContext;
    protected readonly replies: ReplyPublisher<RedisMessage>;
    private readonly held;
    private redis?;
    private blocking?;
    private reader?;
    private reclaimer?;
    private streams;
    private wasReady;
    private intakeStopped;
    /** Entries read while intake was stopping: never handed to a handler, returned at disconnect. */
    private readonly unstarted;
    constructor(options: RedisAckServerOptions);
    /** The ioredis client of commands (undefined before start and after close). */
    unwrap<T>(): T;
    /** The streams read: the handlers' patterns plus the `streams` option. */
    get streamNames(): readonly string[];
    /** Connected, consuming, and the group's `lag` (summed as `backlog`) and pending count per stream. */
    probeHealth(): Promise<BrokerHealth>;
    protected start(): Promise<void>;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
    private deliver;
    private commandClient;
    /** Removes this consumer from the group on every stream where it holds nothing pending (the others keep its entries for a reclaim). */
    private leaveGroup;
    private watchConnection;
    /** `RPUSH` of the reply to the caller's list, with a time to live so a list nobody reads goes away. */
    private publishReply;
}
