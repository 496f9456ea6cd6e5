import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisConnectionOption } from './redis-ack-server-options';
import { BrokerConfigurationError, ConnectFailedError, type AckError } from '../core/errors';
import { reconnectDelay, type ResolvedReconnect } from '../core/reconnect';
import { redactUrl } from '../core/redact-url';
import { redisErrorCode } from './redis-errors';

/** The default address: the local Redis. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** A consumer name no other process uses: host, pid and a random part. */
export function defaultConsumerName(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** ioredis options that make its reconnects follow `reconnect` (and give up after `maxAttempts`). */
function reconnectingOptions(reconnect: ResolvedReconnect, name: string): RedisOptions {
  return {
    connectionName: name,
    lazyConnect: true,
    // RESP2 replies (plain arrays) on every ioredis version: ioredis 6 speaks RESP3 by default, where
    // stream reads come back as maps.
    protocol: 2,
    // Commands wait for the connection to come back instead of failing after 20 retries.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => (attempt > reconnect.maxAttempts ? null : reconnectDelay(reconnect, attempt)),
  };
}

/**
 * Opens a client for `option`: a user's client is duplicated (so its own
 * settings and handlers stay untouched and closing ours never closes theirs).
 */
export function openRedis(option: RedisConnectionOption | undefined, reconnect: ResolvedReconnect, name: string): Redis {
  const ours = reconnectingOptions(reconnect, name);
  if (option instanceof Redis) return option.duplicate(ours);
  if (typeof option === 'string' || option === undefined) return new Redis(option ?? DEFAULT_REDIS_URL, ours);
  return new Redis({ ...option, ...ours });
}

/**
 * `disconnect()`, safe during a TLS handshake: ioredis listens for one
 * `error` per socket, and a TLS socket ended mid-handshake (a refused
 * certificate) can emit a second one, an uncaught exception that would end
 * the process. The socket gets a listener of ours first.
 */
export function disconnectRedis(redis: Redis | undefined): void {
  if (!redis) return;
  redis.stream?.on('error', () => undefined);
  redis.disconnect();
}

/** Whether `option` is a client the user owns. */
export function isRedisClient(option: unknown): option is Redis {
  return option instanceof Redis;
}

/**
 * Waits until `redis` is ready, connecting it when lazy. A failed attempt is
 * not the end: ioredis retries with the reconnect backoff; this rejects only
 * when it gives up (`reconnect.maxAttempts`), naming the address (redacted) and the last error.
 * With `firstAttemptOnly` (a server's start, which runs its own attempts) it
 * rejects as soon as the first attempt failed.
 */
export async function whenReady(redis: Redis, firstAttemptOnly = false): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError: Error | undefined;
  const onError = (error: Error) => (lastError = error);
  redis.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const gaveUp = firstAttemptOnly ? 'close' : 'end';
      const onReady = () => {
        redis.off(gaveUp, onEnd);
        resolve();
      };
      const onEnd = () => {
        redis.off('ready', onReady);
        reject(connectError(redis, lastError));
      };
      redis.once('ready', onReady);
      redis.once(gaveUp, onEnd);
      // The first attempt's failure is only the first: ioredis goes on retrying, 'end' says when it gave up.
      if (redis.status === 'wait') redis.connect().catch(() => undefined);
    });
  } finally {
    redis.off('error', onError);
  }
}

/** `host:port` (or the socket path) of a client, never its password. */
export function describeAddress(redis: Redis): string {
  const { host, port, path } = redis.options;
  return path ?? `${host}:${port}`;
}

/** Where `option` points, for logs and errors: never its password. */
export function redisAddress(option: RedisConnectionOption | undefined): string {
  if (option instanceof Redis) return `redis://${describeAddress(option)}`;
  if (typeof option === 'string' || option === undefined) return redactUrl(option ?? DEFAULT_REDIS_URL);
  return option.path ?? `redis://${option.host ?? '127.0.0.1'}:${option.port ?? 6379}`;
}

/**
 * Why a connect failed: `BrokerConfigurationError` when Redis refused our
 * credentials or commands (`WRONGPASS`, `NOAUTH`, `NOPERM`: no retry changes
 * that), else `ConnectFailedError` (retried by a start when its cause says
 * nothing answered).
 */
function connectError(redis: Redis, lastError: Error | undefined): AckError {
  const text = `could not connect to Redis at ${describeAddress(redis)}${lastError ? `: ${lastError.message}` : ''}`;
  const code = redisErrorCode(lastError);
  if (code === 'WRONGPASS' || code === 'NOAUTH') return new BrokerConfigurationError('Redis', `${text}; check the user and password of the connection option`, { cause: lastError });
  if (code === 'NOPERM') return new BrokerConfigurationError('Redis', `${text}; the ACL user lacks a command or key this server needs (see the ACL rules in docs/redis.md)`, { cause: lastError });
  return new ConnectFailedError(text, { cause: lastError });
}
