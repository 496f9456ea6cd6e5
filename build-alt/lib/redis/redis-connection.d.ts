import { Redis, type RedisOptions } from 'ioredis';
import { type ResolvedReconnect } from '../core/reconnect';
/** The default address: the local Redis. */
export declare const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/** How the server or client reaches Redis: a URL, ioredis options, or a client of the user's. */
export type RedisConnectionOption = string | RedisOptions | Redis;
/** A consumer name no other process uses: host, pid and a random part. */
export declare function defaultConsumerName(): string;
/**
 * Opens a client for `option`: a user's client is duplicated (so its own
 * settings and handlers stay untouched and closing ours never closes theirs).
 */
export declare function openRedis(option: RedisConnectionOption | undefined, reconnect: ResolvedReconnect, name: string): Redis;
/** Whether `option` is a client the user owns. */
export declare function isRedisClient(option: unknown): option is Redis;
/**
 * Waits until `redis` is ready, connecting it when lazy. A failed attempt is
 * not the end: ioredis retries with the reconnect backoff; this rejects only
 * when it gives up (`reconnect.maxAttempts`), naming the address (redacted) and the last error.
 */
export declare function whenReady(redis: Redis): Promise<void>;
/** `host:port` (or the socket path) of a client, never its password. */
export declare function describeAddress(redis: Redis): string;
