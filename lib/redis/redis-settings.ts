import { InvalidOptionError } from '../core/errors';
import { assertBoolean, assertNumber, assertOneOf } from '../core/option-checks';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { ReplyAddressAllowList } from '../core/reply-address-allow-list';
import { REDIS_SERVER_KEYS, type RedisAckServerOptions, type RedisConnectionOption } from './redis-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';
import { defaultConsumerName, isRedisClient } from './redis-connection';
import { REDIS_REPLY_ADDRESSES } from './redis-reply-addresses';

/** `RedisAckServerOptions` (broker part) with defaults applied and checked. */
export interface RedisServerSettings {
  connection?: RedisConnectionOption;
  group: string;
  consumer: string;
  streams: string[];
  streamsRouteByBody: boolean;
  startId: '$' | '0';
  blockMs: number;
  minIdleMs: number;
  claimIntervalMs: number;
  /** Suffix of the dead-letter stream, or false when dead-lettering is off. */
  deadLetterSuffix: string | false;
  deleteOnAck: boolean;
  trimMaxLen?: number;
  replyTtlMs: number;
  replyAddresses: ReplyAddressAllowList;
  maxHeldNacks: number;
  /** The core's `maxMessageBytes`: an entry over it is not decoded (see `toRedisMessage`). */
  maxMessageBytes: number;
  reconnect: ResolvedReconnect;
}

const START_IDS = ['$', '0'] as const;

/** Validates the broker options; every error names the option and what is allowed. */
export function resolveRedisSettings(options: RedisAckServerOptions, maxMessageBytes = Infinity): RedisServerSettings {
  if (!options || typeof options !== 'object') throw new InvalidOptionError('options', options, 'an object with at least { group }');
  assertKnownKeys(options, REDIS_SERVER_KEYS, 'RedisAckServer');
  const { connection } = options;
  if (connection !== undefined && typeof connection !== 'string' && (typeof connection !== 'object' || connection === null) && !isRedisClient(connection)) {
    throw new InvalidOptionError('connection', typeof connection, 'a redis:// URL, ioredis options or an ioredis client');
  }
  nonEmpty(options.group, 'group');
  const consumer = options.consumer ?? defaultConsumerName();
  nonEmpty(consumer, 'consumer');
  const streams = options.streams ?? [];
  if (!Array.isArray(streams) || streams.some((s) => typeof s !== 'string' || s === '')) {
    throw new InvalidOptionError('streams', streams, 'an array of non-empty stream names');
  }
  const streamsRouteByBody = assertBoolean(options.streamsRouteByBody ?? false, 'streamsRouteByBody');
  const startId = options.startId ?? '0';
  assertOneOf(startId, 'startId', START_IDS);
  const blockMs = options.blockMs ?? 2000;
  assertNumber(blockMs, 'blockMs', 1, true);
  const minIdleMs = options.minIdleMs ?? 30_000;
  assertNumber(minIdleMs, 'minIdleMs', 30, true);
  const claimIntervalMs = options.claimIntervalMs ?? 1000;
  assertNumber(claimIntervalMs, 'claimIntervalMs', 1, true);
  const deadLetter = options.deadLetter ?? {};
  if (deadLetter !== false && (typeof deadLetter !== 'object' || deadLetter === null)) {
    throw new InvalidOptionError('deadLetter', deadLetter, 'false or { streamSuffix? }');
  }
  const deadLetterSuffix = deadLetter === false ? false : (deadLetter.streamSuffix ?? ':dlq');
  if (deadLetterSuffix !== false) nonEmpty(deadLetterSuffix, 'deadLetter.streamSuffix');
  const deleteOnAck = assertBoolean(options.deleteOnAck ?? false, 'deleteOnAck');
  if (options.trimMaxLen !== undefined) assertNumber(options.trimMaxLen, 'trimMaxLen', 1, true);
  const replyTtlMs = options.replyTtlMs ?? 60_000;
  assertNumber(replyTtlMs, 'replyTtlMs', 1, true);
  const maxHeldNacks = options.maxHeldNacks ?? 1000;
  assertNumber(maxHeldNacks, 'maxHeldNacks', 0, true);
  return {
    connection,
    group: options.group,
    consumer,
    streams,
    streamsRouteByBody,
    startId,
    blockMs,
    minIdleMs,
    claimIntervalMs,
    deadLetterSuffix,
    deleteOnAck,
    trimMaxLen: options.trimMaxLen,
    replyTtlMs,
    replyAddresses: new ReplyAddressAllowList('replyAddresses', options.replyAddresses, REDIS_REPLY_ADDRESSES),
    maxHeldNacks,
    maxMessageBytes,
    reconnect: resolveReconnect(options.reconnect),
  };
}

function nonEmpty(value: unknown, option: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidOptionError(option, value, 'a non-empty string');
}
