import Redis from 'ioredis';
import { DeadLetterHeaders } from '../../lib';
import { RedisAckClient, RedisAckServer, RedisFields } from '../../lib/redis';
import { Patterns, RUN_ID } from '../patterns';
import type { SampleTransport, StoredDeadLetter } from '../transport';

/** Never printed: it may carry credentials. */
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Redis Streams: one stream per pattern, one consumer group, dead letters in
 * `<stream>:dlq`. The broker's view: per stream, XPENDING (delivered, not
 * acked) plus entries the group has not read, and the dead-letter streams read back.
 */
export async function redisTransport(patterns: string[]): Promise<SampleTransport> {
  const group = `sample-${RUN_ID}`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  return {
    description: `Redis Streams (group ${group}, streams sample-${RUN_ID}.*, dead letters in <stream>:dlq)`,
    // `streams` adds the unhandled pattern's stream, to show its entries dead-lettered as no-handler.
    server: new RedisAckServer({ connection: url, group, streams: [Patterns.refunded] }),
    client: new RedisAckClient({ connection: url }),
    async publishPoison(stream) {
      await redis.xadd(stream, '*', RedisFields.BODY, '{ not json');
    },
    async readBroker() {
      const lines: string[] = [];
      let unsettled = 0;
      const deadLetters: StoredDeadLetter[] = [];
      for (const stream of patterns) {
        const [pending] = (await redis.call('XPENDING', stream, group)) as [number, ...unknown[]];
        const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[][];
        const info = groups.map(pairs).find((entry) => entry.name === group);
        const unread = info ? ((await redis.call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+')) as unknown[]).length : await redis.xlen(stream);
        unsettled += Number(pending) + unread;
        const dlq = `${stream}:dlq`;
        const entries = (await redis.xrange(dlq, '-', '+')).map(([, fields]) => pairs(fields));
        for (const entry of entries) deadLetters.push({ pattern: stream, reason: String(entry[DeadLetterHeaders.REASON] ?? '') });
        lines.push(`stream ${stream}: XLEN ${await redis.xlen(stream)}, XPENDING ${pending}, unread ${unread}; ${dlq}: XLEN ${entries.length}`);
      }
      return { lines, unsettled, deadLetters };
    },
    async cleanup() {
      await redis.del(...patterns, ...patterns.map((stream) => `${stream}:dlq`));
      redis.disconnect();
    },
  };
}

/** `[name, value, name, value...]` as an object. */
function pairs(flat: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) object[String(flat[i])] = flat[i + 1];
  return object;
}
