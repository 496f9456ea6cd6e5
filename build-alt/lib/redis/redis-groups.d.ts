import type { Redis } from 'ioredis';
/**
 * Creates the group on every stream where it is missing (`XGROUP CREATE ...
 * MKSTREAM`); an existing group is left as it is. Also run after a
 * reconnect: a Redis that came back without its data has lost the groups.
 */
export declare function ensureGroups(redis: Redis, streams: string[], group: string, startId: string): Promise<void>;
/** Whether `error` says the group (or its stream) is gone. */
export declare function isNoGroup(error: unknown): boolean;
