import { randomUUID } from 'node:crypto';
import type { ReadPacket } from '@nestjs/microservices';
import type { Redis } from 'ioredis';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import { ConnectionClosedError, PublishFailedError } from '../core/errors';
import { assertNumber } from '../core/option-checks';
import { assertKnownKeys } from '../core/option-keys';
import { parseReplyBody } from '../core/pending-requests';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { REDIS_CLIENT_KEYS, type RedisAckClientOptions } from './redis-ack-client-options';
import { disconnectRedis, openRedis, whenReady } from './redis-connection';
import { checkedReplyPrefix } from './redis-reply-addresses';
import { RedisFields } from './redis-wire';

/** Seconds one `BLPOP` of the reply loop waits before looking again. */
const REPLY_BLOCK_SECONDS = 1;

/**
 * Publishes to a `RedisAckServer`: `emit()` is an `XADD` to the stream named
 * by the pattern (resolves once Redis stored it); `send()` also names this
 * client's reply list and waits there (`BLPOP`) for the replies, matched by
 * the request id. Entry fields: `body` (Nest's JSON packet), `headers`,
 * `replyTo`, `correlationId`.
 */
export class RedisAckClient extends AckClient {
  protected readonly transport = 'redis';
  private readonly reconnectOptions: ResolvedReconnect;
  private readonly replyKey: string;
  private redis?: Redis;
  /** The connection of the reply loop (a blocking `BLPOP` holds it) and the loop itself. */
  private replies?: { client: Redis; loop: Promise<void> };

  constructor(private readonly options: RedisAckClientOptions = {}) {
    super();
    assertKnownKeys(options, REDIS_CLIENT_KEYS, 'RedisAckClient');
    if (options.maxLen !== undefined) assertNumber(options.maxLen, 'maxLen', 1, true);
    const prefix = checkedReplyPrefix(options.replyPrefix);
    this.reconnectOptions = resolveReconnect(options.reconnect);
    this.replyKey = `${prefix}${randomUUID()}`;
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  /** The ioredis client of commands (undefined before connect). */
  unwrap<T>(): T {
    return this.redis as T;
  }

  protected async open(): Promise<void> {
    const redis = openRedis(this.options.connection, this.reconnectOptions, 'nestjs-ack:client');
    redis.on('error', () => undefined); // failed commands reject; ioredis reconnects
    redis.on('ready', () => this.reportStatus('connected'));
    redis.on('close', () => this.reportStatus('disconnected'));
    redis.on('reconnecting', () => this.reportStatus('reconnecting'));
    this.redis = redis;
    try {
      await whenReady(redis);
    } catch (error) {
      // close() ended this connection while it connected: say so, as the base does when the connect succeeded.
      if (this.redis !== redis) throw new ConnectionClosedError('the client was closed while it connected', { cause: error });
      throw error;
    }
  }

  protected async disconnect(): Promise<void> {
    const { redis, replies } = this;
    this.redis = undefined;
    this.replies = undefined;
    disconnectRedis(replies?.client);
    await replies?.loop;
    disconnectRedis(redis);
  }

  /** The stream: the pattern. */
  protected destinationOf(packet: ReadPacket): string {
    return this.normalizePattern(packet.pattern);
  }

  /** `XADD <stream> [MAXLEN ~ n] * body <packet> [headers <json>] [replyTo <list> correlationId <id>]`. */
  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const redis = this.redis;
    if (!redis) throw new ConnectionClosedError('RedisAckClient is closed');
    const { body, headers } = this.encodePacket(packet, this.options.headers, trace);
    const fields: string[] = [RedisFields.BODY, body];
    if (Object.keys(headers).length > 0) fields.push(RedisFields.HEADERS, JSON.stringify(headers));
    if (request && packet.id !== undefined) fields.push(RedisFields.REPLY_TO, this.replyKey, RedisFields.CORRELATION_ID, packet.id);
    const trim = this.options.maxLen === undefined ? [] : ['MAXLEN', '~', String(this.options.maxLen)];
    const stream = this.destinationOf(packet);
    try {
      await redis.call('XADD', stream, ...trim, '*', ...fields);
    } catch (error) {
      throw new PublishFailedError(`XADD to stream "${stream}" failed: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Starts the reply loop on a connection of its own, once per connection. */
  protected override async listenForReplies(): Promise<void> {
    if (this.replies || !this.redis) return;
    const client = this.redis.duplicate();
    client.on('error', () => undefined);
    const replies = { client, loop: Promise.resolve() };
    this.replies = replies;
    replies.loop = this.replyLoop(client);
  }

  /** `BLPOP` of the reply list until `disconnect()` takes this connection away. */
  private async replyLoop(client: Redis): Promise<void> {
    while (this.replies?.client === client) {
      try {
        const popped = (await client.callBuffer('BLPOP', this.replyKey, REPLY_BLOCK_SECONDS)) as [Buffer, Buffer] | null;
        if (popped) await this.onReply(popped[1]);
      } catch {
        if (this.replies?.client !== client || client.status === 'end') return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async onReply(body: Buffer): Promise<void> {
    const raw = parseReplyBody(body) as { id?: unknown } | string;
    const id = typeof raw === 'object' && raw?.id !== undefined ? String(raw.id) : undefined;
    if (id === undefined || !this.pending.has(id)) return; // not ours to read
    await this.deliverReply(raw);
  }
}
