import type { Redis } from 'ioredis';
import { redisErrorCode } from './redis-errors';

/**
 * Creates the group on every stream where it is missing (`XGROUP CREATE ...
 * MKSTREAM`); an existing group is left as it is. Also run after a
 * reconnect: a Redis that came back without its data has lost the groups.
 */
export async function ensureGroups(redis: Redis, streams: string[], group: string, startId: string): Promise<void> {
  await Promise.all(
    streams.map(async (stream) => {
      try {
        await redis.call('XGROUP', 'CREATE', stream, group, startId, 'MKSTREAM');
      } catch (error) {
        if (redisErrorCode(error) !== 'BUSYGROUP') throw error;
      }
    }),
  );
}

/** Whether `error` says the group (or its stream) is gone. */
export function isNoGroup(error: unknown): boolean {
  return redisErrorCode(error) === 'NOGROUP';
}
