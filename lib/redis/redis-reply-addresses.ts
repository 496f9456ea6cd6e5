import { InvalidOptionError } from '../core/errors';
import type { ReplyAddressRules } from '../core/reply-address-allow-list';

/** Prefix of `RedisAckClient`'s reply lists (`<prefix><uuid>`), and of the keys `RedisAckServer` replies to by default. */
export const DEFAULT_REPLY_PREFIX = 'nestjs-ack:reply:';

/**
 * What a Redis reply key may look like: printable ASCII without spaces, at
 * most 512 characters. Redis keys may hold any bytes; reply keys need none of
 * that, and a bounded, printable key is safe in a log line and an ACL pattern.
 */
const REPLY_KEY_SHAPE = /^[\x21-\x7e]{1,512}$/;

/**
 * The server's default: exactly the lists `RedisAckClient` reads with the
 * default `replyPrefix`. Nest's own `ClientRedis` is pub/sub and cannot send
 * to this server, so it has no reply keys to allow.
 */
export const REDIS_REPLY_ADDRESSES: ReplyAddressRules = {
  prefixes: [DEFAULT_REPLY_PREFIX],
  names: [],
  shape: REPLY_KEY_SHAPE,
  shapeText: 'printable ASCII without spaces, at most 512 characters',
};

/** The client's `replyPrefix`, checked: a prefix the server's allow-list could name. */
export function checkedReplyPrefix(value: unknown): string {
  const prefix = value ?? DEFAULT_REPLY_PREFIX;
  // Checked with the uuid the client appends: the whole key must be a reply key's shape.
  if (typeof prefix !== 'string' || prefix === '' || !REPLY_KEY_SHAPE.test(`${prefix}${'0'.repeat(36)}`)) {
    throw new InvalidOptionError('replyPrefix', value, `a non-empty string, ${REDIS_REPLY_ADDRESSES.shapeText}`);
  }
  return prefix;
}
