import type { Redis } from 'ioredis';

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
        if (!/BUSYGROUP/.test(String((error as Error)?.message))) throw error;
      }
    }),
  );
}

/** Whether `error` says the group (or its stream) is gone. */
export function isNoGroup(error: unknown): boolean {
  return /NOGROUP/.test(String((error as Error)?.message));
}
