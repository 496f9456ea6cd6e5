import type { Redis } from 'ioredis';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';

/** What the probe reads from the server at the moment of a check. */
export interface RedisHealthSource {
  group: string;
  streams: readonly string[];
  state: AckServerStatus;
  /** The server's command client, undefined before the start and after the close. */
  redis: Redis | undefined;
  /** The stream reader runs and intake is on. */
  consuming: boolean;
  /** Long-delayed nacks whose wait this process holds (`maxHeldNacks` at most). */
  heldNacks: number;
}

/** The group's figures on one stream, from `XINFO GROUPS`. */
export interface RedisStreamLag {
  stream: string;
  /** Entries not yet read by the group; null when Redis cannot tell (entries deleted or trimmed in between). */
  lag: number | null;
  /** Entries read and not acknowledged (the group's PEL). */
  pending: number;
}

/**
 * `XINFO GROUPS` of every stream read, on the server's command connection.
 * `backlog` is the sum of the group's `lag` (undefined when Redis cannot tell
 * one of them). A connection that is not `ready` answers `connected: false` at
 * once instead of queueing the command until a reconnect.
 */
export async function probeRedis(source: RedisHealthSource): Promise<BrokerHealth> {
  const base = { transport: 'redis', state: source.state, consuming: source.consuming };
  const redis = source.redis;
  // After a reconnect the server is `connected` again only once its groups exist (a Redis without persistence lost them).
  if (!redis || redis.status !== 'ready' || source.state !== 'connected') return { ...base, connected: false };
  if (source.streams.length === 0) await redis.ping(); // still a round trip: `connected` means Redis answered
  const streams = await Promise.all(source.streams.map((stream) => groupLag(redis, stream, source.group)));
  const backlog = streams.every((s) => s.lag !== null) ? streams.reduce((sum, s) => sum + (s.lag ?? 0), 0) : undefined;
  return { ...base, connected: true, backlog, details: { group: source.group, streams, heldNacks: source.heldNacks } };
}

async function groupLag(redis: Redis, stream: string, group: string): Promise<RedisStreamLag> {
  const groups = (await redis.call('XINFO', 'GROUPS', stream)) as unknown[][];
  const info = groups.map(fieldsOf).find((fields) => fields.get('name') === group);
  // The group is created at the start (and again after a Redis restart): missing means nothing read yet.
  if (!info) return { stream, lag: null, pending: 0 };
  const lag = info.get('lag');
  return { stream, lag: lag === null || lag === undefined ? null : Number(lag), pending: Number(info.get('pending') ?? 0) };
}

function fieldsOf(flat: unknown[]): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1]);
  return fields;
}
