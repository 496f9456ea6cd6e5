import { type RedisAckServerOptions } from '../../lib/redis';
import type { ConformanceAdapter } from '../conformance/adapter';
/** Server settings that keep per-test start, redelivery and close fast. */
export declare const FAST_REDIS: Partial<RedisAckServerOptions>;
/**
 * Runs the conformance suite on Redis Streams: one stream per pattern (the
 * pattern is the stream name), a fresh group per start; `outstanding` is the
 * group's pending count plus its lag (`XINFO GROUPS`), dead letters are the
 * entries of `<pattern>:dlq` (`XRANGE`). Streams are deleted at close.
 */
export declare function redisConformanceAdapter(): ConformanceAdapter;
