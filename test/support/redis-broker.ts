import { Redis } from 'ioredis';
import { DeadLetterHeaders } from '../../lib/core';
import type { DeadLetterView } from '../conformance/adapter';
import { brokerUrls } from './broker-urls';

export const REDIS_URL = brokerUrls.redis;

let shared: Redis | undefined;

/** One connection for the tests' own reads and clean-ups (its commands wait across a Redis restart). */
export function redisAdmin(): Redis {
  if (!shared) {
    shared = new Redis(REDIS_URL, { protocol: 2, maxRetriesPerRequest: null, retryStrategy: () => 100, connectionName: 'nestjs-ack:test-admin' });
    shared.on('error', () => undefined);
  }
  return shared;
}

export async function closeRedisAdmin(): Promise<void> {
  const redis = shared;
  shared = undefined;
  redis?.disconnect();
}

/** `XINFO GROUPS` of `stream` as objects (empty when the stream does not exist). */
export async function groupsOf(stream: string): Promise<Record<string, unknown>[]> {
  let reply: unknown[][];
  try {
    reply = (await redisAdmin().call('XINFO', 'GROUPS', stream)) as unknown[][];
  } catch (error) {
    if (/no such key/i.test((error as Error).message)) return [];
    throw error;
  }
  return reply.map(pairsToObject);
}

/** `XINFO GROUPS` of the group on `stream`. */
export async function groupInfo(stream: string, group: string): Promise<Record<string, unknown> | undefined> {
  return (await groupsOf(stream)).find((info) => info.name === group);
}

/**
 * Entries of `stream` the group has not settled: pending (delivered, not
 * acked, nacked ones included) plus not yet read (`lag`, or counted from
 * the last delivered id when Redis cannot tell the lag); the whole stream when the group does not exist yet.
 */
export async function outstandingIn(stream: string, group: string): Promise<number> {
  const info = await groupInfo(stream, group);
  // No group yet (a server closed before it created one): a group created later from id 0 reads the whole stream.
  if (!info) return Number(await redisAdmin().exists(stream)) === 1 ? await redisAdmin().xlen(stream) : 0;
  const pending = Number(info.pending);
  if (info.lag !== null && info.lag !== undefined) return pending + Number(info.lag);
  const unread = (await redisAdmin().call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+')) as unknown[];
  return pending + unread.length;
}

/** One pending entry as `XPENDING <stream> <group> - + <count>` reports it. */
export interface PendingEntry {
  id: string;
  consumer: string;
  idleMs: number;
  timesDelivered: number;
}

export async function pendingEntries(stream: string, group: string, count = 1000): Promise<PendingEntry[]> {
  try {
    const rows = (await redisAdmin().call('XPENDING', stream, group, '-', '+', count)) as [string, string, number, number][];
    return rows.map(([id, consumer, idleMs, timesDelivered]) => ({ id, consumer, idleMs: Number(idleMs), timesDelivered: Number(timesDelivered) }));
  } catch (error) {
    if (/NOGROUP|no such key/i.test((error as Error).message)) return [];
    throw error;
  }
}

/** Consumers of the group on `stream` (`XINFO CONSUMERS`). */
export async function consumersOf(stream: string, group: string): Promise<{ name: string; pending: number }[]> {
  try {
    const reply = (await redisAdmin().call('XINFO', 'CONSUMERS', stream, group)) as unknown[][];
    return reply.map(pairsToObject).map((c) => ({ name: String(c.name), pending: Number(c.pending) }));
  } catch (error) {
    if (/NOGROUP|no such key/i.test((error as Error).message)) return [];
    throw error;
  }
}

/** The entries of a dead-letter stream as the conformance suite reads them. */
export async function deadLettersIn(dlq: string): Promise<{ id: string; fields: Map<string, Buffer>; view: DeadLetterView }[]> {
  let rows: [Buffer, Buffer[]][];
  try {
    rows = (await redisAdmin().callBuffer('XRANGE', dlq, '-', '+')) as [Buffer, Buffer[]][];
  } catch (error) {
    if (/WRONGTYPE/.test((error as Error).message)) return []; // blocked on purpose by a test
    throw error;
  }
  return rows.map(([id, flat]) => {
    const fields = new Map<string, Buffer>();
    for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i].toString('utf8'), flat[i + 1]);
    const text = (name: string) => fields.get(name)?.toString('utf8');
    const headers: Record<string, string> = {};
    try {
      Object.assign(headers, JSON.parse(text('headers') ?? '{}'));
    } catch {
      // headers that are not JSON are left out
    }
    for (const [name, value] of fields) if (name.startsWith('x-dead-letter-')) headers[name] = value.toString('utf8');
    return {
      id: id.toString('utf8'),
      fields,
      view: {
        body: fields.get('body') ?? Buffer.alloc(0),
        headers,
        reason: headers[DeadLetterHeaders.REASON] ?? '',
        errorName: headers[DeadLetterHeaders.ERROR_NAME],
        errorMessage: headers[DeadLetterHeaders.ERROR_MESSAGE],
        deliveryCount: Number(headers[DeadLetterHeaders.DELIVERY_COUNT] ?? NaN),
        source: JSON.parse(headers[DeadLetterHeaders.SOURCE] ?? '{}'),
      },
    };
  });
}

/** Deletes keys (streams, dead-letter streams, lists). */
export async function deleteKeys(keys: string[]): Promise<void> {
  if (keys.length > 0) await redisAdmin().del(...keys);
}

function pairsToObject(flat: unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) object[String(flat[i])] = flat[i + 1];
  return object;
}
