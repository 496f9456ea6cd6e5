import { ReplyError } from 'ioredis';
import { AckError, asError, BrokerError, ConnectionClosedError } from '../core/errors';

/**
 * The error code of a Redis error reply (`WRONGPASS`, `NOPERM`, `BUSYGROUP`,
 * `NOGROUP`...), or undefined when `error` is not one. The protocol carries the
 * code as the reply's first word ("-NOGROUP No such key..."); ioredis keeps the
 * reply as the message and has no field of its own for it. Since Redis 7 an
 * error raised inside a script keeps its code too (Redis 6.2 wraps it in `ERR`).
 */
export function redisErrorCode(error: unknown): string | undefined {
  // By name too: a client duplicated from the user's copy of ioredis throws that copy's ReplyError.
  if (!(error instanceof ReplyError) && (error as Error | undefined)?.name !== 'ReplyError') return undefined;
  return /^[A-Z]+(?=\s|$)/.exec(String((error as Error).message))?.[0];
}

/**
 * A failed Redis call as what this folder throws or reports: ours pass
 * through; an error reply becomes `BrokerError`, anything else (the connection
 * went away) `ConnectionClosedError`, both with Redis's text and the original
 * as `cause`.
 */
export function asRedisError(error: unknown): AckError {
  if (error instanceof AckError) return error;
  const cause = asError(error);
  return redisErrorCode(error) === undefined ? new ConnectionClosedError(cause.message, { cause }) : new BrokerError(cause.message, { cause });
}
