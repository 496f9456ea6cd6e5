// The harness's hands on Redis Streams (ioredis, not our client): entries XADDed with the fields
// RedisAckClient writes (body, headers, replyTo, correlationId) or any others, the group's pending
// and lag read with XINFO GROUPS, dead letters read from `<stream>:dlq`.
import { Redis } from 'ioredis';
import { DeadLetterHeaders } from '../lib/core';
import type { DeadLetter, Driver, RawMessage } from './drivers';
import { retry } from './nats-driver';

export class RedisDriver implements Driver {
  readonly transport = 'redis';
  private readonly redis: Redis;

  constructor(readonly addresses: string[]) {
    // Commands wait across a broker restart (queued, sent again once it is back).
    this.redis = new Redis(addresses[0], { maxRetriesPerRequest: null, retryStrategy: () => 100, connectionName: 'nestjs-ack:reliability' });
    this.redis.on('error', () => undefined);
  }

  /** The handler pattern is the stream's name. */
  pattern(stream: string): string {
    return stream;
  }

  items(stream: string, ids: number[]): RawMessage[] {
    return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: stream, data: { id } })) }));
  }

  async prepare(): Promise<void> {} // the server creates its group (MKSTREAM)

  async publish(stream: string, messages: RawMessage[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 200) {
      const pipeline = this.redis.pipeline();
      for (const message of messages.slice(start, start + 200)) {
        const fields: Array<string | Buffer> = [];
        if (message.fields) {
          for (const [name, value] of Object.entries(message.fields)) fields.push(name, value);
        } else {
          fields.push('body', message.body ?? Buffer.alloc(0));
          if (message.headers) fields.push('headers', JSON.stringify(message.headers));
          if (message.replyTo !== undefined) fields.push('replyTo', message.replyTo);
          if (message.correlationId !== undefined) fields.push('correlationId', message.correlationId);
        }
        pipeline.xadd(message.topic ?? stream, '*', ...fields);
      }
      const replies = (await pipeline.exec()) ?? [];
      const failed = replies.find(([error]) => error);
      if (failed) throw failed[0];
    }
  }

  /** Pending entries of the group plus those it has not read yet (the whole stream when it has no group). */
  async outstanding(stream: string, group?: string): Promise<number> {
    return retry(async () => {
      const groups = ((await this.redis.call('XINFO', 'GROUPS', stream).catch((error: Error) => (/no such key/i.test(error.message) ? [] : Promise.reject(error)))) as unknown[][]).map(pairs);
      const info = groups.find((g) => g.name === group);
      if (!info) return this.redis.xlen(stream);
      const pending = Number(info.pending);
      if (info.lag !== null && info.lag !== undefined) return pending + Number(info.lag);
      const unread = (await this.redis.call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+')) as unknown[];
      return pending + unread.length;
    });
  }

  async deadLetters(stream: string): Promise<DeadLetter[]> {
    const rows = (await this.redis.callBuffer('XRANGE', `${stream}:dlq`, '-', '+')) as Array<[Buffer, Buffer[]]>;
    return rows.map(([, flat]) => {
      const fields = new Map<string, string>();
      for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i].toString('utf8'), flat[i + 1].toString('utf8'));
      let headers: Record<string, string> = {};
      try {
        headers = JSON.parse(fields.get('headers') ?? '{}');
      } catch {
        // the bad input's own headers field
      }
      const get = (name: string) => fields.get(name) ?? headers[name];
      return { input: headers['x-rel-input'] ?? fields.get('x-rel-input'), reason: get(DeadLetterHeaders.REASON) ?? '', deliveryCount: Number(get(DeadLetterHeaders.DELIVERY_COUNT) ?? NaN), body: Buffer.from(fields.get('body') ?? '') };
    });
  }

  async cleanup(stream: string, _group?: string, extra: string[] = []): Promise<void> {
    const keys = [stream, ...extra].flatMap((key) => [key, `${key}:dlq`]);
    await this.redis.del(...keys);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

function pairs(flat: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) object[String(flat[i])] = flat[i + 1];
  return object;
}
