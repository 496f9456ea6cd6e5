import type { MsPattern } from '@nestjs/microservices';
import type { Redis } from 'ioredis';
import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import { ConnectionClosedError } from '../core/errors';
import type { RedisAckServerOptions } from './redis-ack-server-options';
import { RedisCommands } from './redis-commands';
import { disconnectRedis, openRedis, redisAddress, whenReady } from './redis-connection';
import type { ResolvedReconnect } from '../core/reconnect';
import { RedisAckContext } from './redis-context';
import { asRedisError } from './redis-errors';
import { ensureGroups } from './redis-groups';
import type { RedisMessage } from './redis-message';
import { probeRedis } from './redis-health';
import { Reclaimer } from './redis-reclaimer';
import { RedisReplies } from './redis-replies';
import { withScripts, type ScriptedRedis } from './redis-scripts';
import { resolveRedisSettings, type RedisServerSettings } from './redis-settings';
import { DeliverySlots } from '../core/delivery-slots';
import { StreamReader } from './redis-stream-reader';

/** Identifies this transport to Nest's processing hooks. */
export const REDIS_TRANSPORT = Symbol.for('nestjs-ack.redis');

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
export class RedisAckServer extends AckServer<RedisMessage> {
  /** The checked broker options. */
  readonly brokerSettings: RedisServerSettings;
  protected readonly commands: RedisCommands;
  protected override readonly contextType = RedisAckContext;
  protected override readonly replies: RedisReplies;
  private readonly held: DeliverySlots;
  private redis?: ScriptedRedis;
  private blocking?: Redis;
  private reader?: StreamReader;
  private reclaimer?: Reclaimer;
  private streams: string[] = [];
  /** The handlers' own streams (their normalized patterns): there, the stream decides the handler. */
  private handlerStreams = new Set<string>();
  private intakeStopped = false;
  /** Entries read while intake was stopping: never handed to a handler, returned at disconnect. */
  private readonly unstarted: RedisMessage[] = [];

  constructor(options: RedisAckServerOptions) {
    super(options ?? ({} as RedisAckServerOptions), REDIS_TRANSPORT);
    this.brokerSettings = resolveRedisSettings(options, this.settings.maxMessageBytes);
    this.held = new DeliverySlots(this.settings.concurrency);
    this.commands = new RedisCommands(() => this.commandClient(), this.brokerSettings, (error) => this.reportError(asRedisError(error), 'a delayed nack could not be renewed'));
    this.replies = new RedisReplies(() => this.commandClient(), this.brokerSettings);
  }

  /** The ioredis client of commands (undefined before start and after close). */
  override unwrap<T>(): T {
    return this.redis as T;
  }

  /** The streams read: the handlers' patterns plus the `streams` option. */
  get streamNames(): readonly string[] {
    return this.streams;
  }

  /**
   * Nacks with a delay >= `minIdleMs` whose wait this process holds (at most
   * `maxHeldNacks`; the others' waits are held by Redis).
   */
  get heldNacks(): number {
    return this.commands.delayedNacks.size;
  }

  /** Connected, consuming, and the group's `lag` (summed as `backlog`) and pending count per stream. */
  override probeHealth(): Promise<BrokerHealth> {
    return probeRedis({
      group: this.brokerSettings.group,
      streams: this.streams,
      state: this.currentStatus,
      redis: this.redis,
      consuming: this.reader !== undefined && !this.intakeStopped && !this.isClosing,
      heldNacks: this.heldNacks,
    });
  }

  /**
   * The stream an entry was read from decides its handler. On a handler's own
   * stream (and on the `streams`, unless `streamsRouteByBody`), the body must
   * name that stream's pattern: else null, dead-lettered as `pattern-mismatch`.
   */
  protected override patternOfAddress(message: RedisMessage, named: string): string | null {
    if (!this.handlerStreams.has(message.stream) && this.brokerSettings.streamsRouteByBody) return named;
    return routeOf(named, (pattern) => this.normalizePattern(pattern)) === message.stream ? named : null;
  }

  protected override startTarget(): { broker: string; address: string } {
    return { broker: 'Redis', address: redisAddress(this.brokerSettings.connection) };
  }

  protected override get startBackoff(): ResolvedReconnect {
    return this.brokerSettings.reconnect;
  }

  protected async start(): Promise<void> {
    const { group, consumer, startId, reconnect } = this.brokerSettings;
    this.handlerStreams = new Set([...this.messageHandlers.keys()].map((pattern) => this.normalizePattern(pattern)));
    this.streams = [...new Set([...this.handlerStreams, ...this.brokerSettings.streams])];
    const redis = withScripts(openRedis(this.brokerSettings.connection, reconnect, `nestjs-ack:${group}:${consumer}`));
    const blocking = openRedis(this.brokerSettings.connection, reconnect, `nestjs-ack:${group}:${consumer}:read`);
    this.redis = redis;
    this.blocking = blocking;
    for (const client of [redis, blocking]) client.on('error', () => undefined); // reported through 'close' and failed commands
    this.watchConnection(redis);
    // One attempt each: the start's own attempts (startTimeoutMs) retry, logged.
    await this.unlessClosed(Promise.all([whenReady(redis, true), whenReady(blocking, true)]));
    this.throwIfClosing();
    if (this.streams.length === 0) return; // nothing to read
    await this.unlessClosed(ensureGroups(redis, this.streams, group, startId));
    this.throwIfClosing();
    const deliver = (message: RedisMessage) => this.deliver(message);
    const report = (error: Error, what: string) => this.reportError(asRedisError(error), what);
    this.reader = new StreamReader(blocking, redis, this.streams, this.brokerSettings, this.held, deliver, report);
    this.reclaimer = new Reclaimer(() => this.commandClient(), this.streams, this.brokerSettings, this.held, deliver, report);
    await this.unlessClosed(this.reader.start());
    this.reclaimer.start();
  }

  protected async stopReceiving(): Promise<void> {
    this.intakeStopped = true;
    this.reclaimer?.stop();
    await this.reader?.stop();
  }

  protected async disconnect(): Promise<void> {
    this.reclaimer?.stop();
    await this.reader?.stop().catch(() => undefined);
    const redis = this.redis;
    if (redis?.status === 'ready') {
      // Entries that arrived with the last read, and nacked entries waiting out a long delay, become claimable by the others now.
      await Promise.all(this.unstarted.splice(0).map((message) => this.commands.returnUnstarted(message).catch(() => undefined)));
      await this.commands.delayedNacks.releaseAll();
      await this.leaveGroup(redis);
    } else {
      this.commands.delayedNacks.dropAll();
    }
    this.redis = undefined;
    for (const client of [redis, this.blocking]) disconnectRedis(client);
    this.blocking = undefined;
  }

  private deliver(message: RedisMessage): void {
    if (this.intakeStopped || this.isClosing) {
      // A read that was on the wire when intake stopped (CLIENT UNBLOCK only ends a read that is blocked).
      this.unstarted.push(message);
      return;
    }
    void this.held.hold(() => this.handleMessage(message), message.key);
  }

  private commandClient(): ScriptedRedis {
    if (!this.redis) throw new ConnectionClosedError('the Redis connection is closed');
    return this.redis;
  }

  /** Removes this consumer from the group on every stream where it holds nothing pending (the others keep its entries for a reclaim). */
  private async leaveGroup(redis: ScriptedRedis): Promise<void> {
    await Promise.all(
      this.streams.map((stream) => redis.nestjsAckLeave(stream, this.brokerSettings.group, this.brokerSettings.consumer).catch(() => undefined)),
    );
  }

  /** ioredis' connection events as the server's status: one `disconnected` per outage, `reconnecting` with the attempt number. */
  private watchConnection(redis: Redis): void {
    // ioredis passes the delay before the attempt; the event promises the attempt (1, 2, ... within one outage).
    let attempt = 0;
    redis.on('close', () => this.connectionStatus.down(undefined, 'Redis connection lost; reconnecting'));
    redis.on('reconnecting', () => this.connectionStatus.retrying(++attempt));
    redis.on('ready', () => {
      attempt = 0;
      if (this.connectionStatus.current === undefined || this.isClosing) return; // the start's own ready
      // A Redis that restarted without persistence lost the groups: create them again before reading on.
      ensureGroups(redis, this.streams, this.brokerSettings.group, this.brokerSettings.startId).then(
        () => this.connectionStatus.up(),
        (error) => this.reportError(asRedisError(error), 'could not create the consumer group again'),
      );
    });
    redis.on('end', () => {
      if (this.redis !== redis) return; // a failed start's connection
      this.connectionStatus.gaveUp(new ConnectionClosedError('gave up reconnecting (reconnect.maxAttempts)'), 'Redis');
    });
  }
}

/**
 * The route (stream name) a body's pattern string stands for, as Nest's
 * handler lookup computes it: JSON is parsed and normalized (`{ cmd: 'x' }`
 * in any key order), anything else is taken as it is.
 */
function routeOf(named: string, normalize: (pattern: MsPattern) => string): string {
  try {
    return String(normalize(JSON.parse(named)));
  } catch {
    return named;
  }
}
