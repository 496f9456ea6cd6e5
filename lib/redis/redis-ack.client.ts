import { randomUUID } from 'node:crypto';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { Redis } from 'ioredis';
import { assertNumber } from '../core/option-checks';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { REDIS_CLIENT_KEYS, type RedisAckClientOptions } from './redis-ack-client-options';
import { assertKnownKeys } from '../core/option-keys';
import { disconnectRedis, openRedis, whenReady } from './redis-connection';
import { checkedReplyPrefix } from './redis-reply-addresses';
import { RedisFields } from './redis-wire';
import { parseReplyBody, PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';

/** Seconds one `BLPOP` of the reply loop waits before looking again. */
const REPLY_BLOCK_SECONDS = 1;

/**
 * Publishes to a `RedisAckServer`: `emit()` is an `XADD` to the stream named
 * by the pattern (resolves once Redis stored it); `send()` also names this
 * client's reply list and waits there (`BLPOP`) for the replies, matched by
 * the request id. Entry fields: `body` (Nest's JSON packet), `headers`,
 * `replyTo`, `correlationId`.
 */
export class RedisAckClient extends ClientProxy {
  private readonly reconnectOptions: ResolvedReconnect;
  private readonly replyKey: string;
  private readonly pending = new PendingRequests();
  private redis?: Redis;
  private replies?: { client: Redis; loop: Promise<void> };
  private connecting?: Promise<void>;
  private closed = false;

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

  connect(): Promise<void> {
    this.closed = false;
    this.connecting ??= this.open().catch((error) => {
      this.connecting = undefined;
      disconnectRedis(this.redis);
      this.redis = undefined;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    this.closed = true;
    const { redis, replies } = this;
    this.redis = undefined;
    this.replies = undefined;
    this.connecting = undefined;
    this.pending.failAll('Connection closed');
    disconnectRedis(replies?.client);
    await replies?.loop;
    disconnectRedis(redis);
  }

  /** The ioredis client of commands (undefined before connect). */
  unwrap<T>(): T {
    return this.redis as T;
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    this.connect()
      .then(() => this.startReplyLoop())
      .then(() => this.add(packet, [RedisFields.REPLY_TO, this.replyKey, RedisFields.CORRELATION_ID, packet.id]))
      .catch((err) => this.pending.fail(packet.id, err));
    return unsubscribe;
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    await this.connect();
    await this.add(packet, []);
    return undefined as T;
  }

  private async open(): Promise<void> {
    const redis = openRedis(this.options.connection, this.reconnectOptions, 'nestjs-ack:client');
    redis.on('error', () => undefined); // failed commands reject; ioredis reconnects
    redis.on('ready', () => this._status$.next('connected'));
    redis.on('close', () => this._status$.next('disconnected'));
    redis.on('reconnecting', () => this._status$.next('reconnecting'));
    this.redis = redis;
    await whenReady(redis);
  }

  /** `XADD <stream> [MAXLEN ~ n] * body <packet> [headers <json>] ...extra`; the stream is the pattern. */
  private add(packet: ReadPacket, extra: string[]): Promise<void> {
    const stream = this.normalizePattern(packet.pattern);
    return observePublish({ transport: 'redis', destination: stream, pattern: stream, request: extra.length > 0 }, (trace) => this.addToStream(stream, packet, extra, trace));
  }

  private async addToStream(stream: string, packet: ReadPacket, extra: string[], trace: Record<string, string> | undefined): Promise<void> {
    const redis = this.redis;
    if (!redis) throw new Error('nestjs-ack: RedisAckClient is closed');
    const { options, ...serialized } = this.serializer.serialize(packet) as Record<string, any>;
    const headers = { ...this.options.headers, ...options?.headers, ...trace };
    const fields: string[] = [RedisFields.BODY, JSON.stringify(serialized)];
    if (Object.keys(headers).length > 0) fields.push(RedisFields.HEADERS, JSON.stringify(headers));
    const trim = this.options.maxLen === undefined ? [] : ['MAXLEN', '~', String(this.options.maxLen)];
    await redis.call('XADD', stream, ...trim, '*', ...fields, ...extra);
  }

  private async startReplyLoop(): Promise<void> {
    if (this.replies || !this.redis) return;
    const client = this.redis.duplicate();
    client.on('error', () => undefined);
    const replies = { client, loop: Promise.resolve() };
    this.replies = replies;
    replies.loop = this.replyLoop(client);
  }

  private async replyLoop(client: Redis): Promise<void> {
    while (!this.closed && this.replies?.client === client) {
      try {
        const popped = (await client.callBuffer('BLPOP', this.replyKey, REPLY_BLOCK_SECONDS)) as [Buffer, Buffer] | null;
        if (popped) await this.onReply(popped[1]);
      } catch {
        if (this.closed || client.status === 'end') return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private async onReply(body: Buffer): Promise<void> {
    const raw = parseReplyBody(body) as { id?: unknown } | string;
    const id = typeof raw === 'object' && raw?.id !== undefined ? String(raw.id) : undefined;
    if (id === undefined || !this.pending.has(id)) return; // not ours to read
    const { err, response, isDisposed } = await this.deserializer.deserialize(raw);
    this.pending.deliver(id, { err, response, isDisposed });
  }
}
