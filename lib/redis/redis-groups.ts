import type { Redis } from 'ioredis';
import { AckError, BrokerConfigurationError, ConnectFailedError } from '../core/errors';
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
        const code = redisErrorCode(error);
        if (code === 'BUSYGROUP') return;
        // A refusal (NOPERM, WRONGTYPE: the key holds no stream): no retry changes it.
        if (code !== undefined) throw new BrokerConfigurationError('Redis', `XGROUP CREATE ${stream} ${group}: ${(error as Error).message}`, { cause: error });
        if (error instanceof AckError) throw error;
        // No answer: a start tries again when the cause says Redis was unreachable.
        throw new ConnectFailedError(`XGROUP CREATE ${stream} ${group}: ${(error as Error)?.message}`, { cause: error });
      }
    }),
  );
}

/** Whether `error` says the group (or its stream) is gone. */
export function isNoGroup(error: unknown): boolean {
  return redisErrorCode(error) === 'NOGROUP';
}
