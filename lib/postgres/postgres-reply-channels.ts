import { randomBytes } from 'node:crypto';
import { InvalidOptionError } from '../core/errors';
import type { ReplyAddressRules } from '../core/reply-address-allow-list';

/** The start of `PostgresAckClient`'s reply channels: `nestjs_ack_reply_<16 hex digits>`. */
export const POSTGRES_REPLY_CHANNEL_PREFIX = 'nestjs_ack_reply_';

/** Hex digits after the prefix: 64 random bits, so clients never share a channel. */
const RANDOM_HEX = 16;

/** NOTIFY channels are identifiers: at most 63 bytes (NAMEDATALEN - 1). */
const MAX_CHANNEL = 63;

/**
 * What a server accepts in a row's `reply_to` (where it runs `pg_notify` and
 * files the reply): channel names our client makes. The shape is what an
 * unquoted identifier folds to (lower-case letters, digits, `_`), so an
 * operator's `LISTEN my_replies` matches too; bounded to 63 bytes, the longest
 * channel name PostgreSQL takes.
 */
export const POSTGRES_REPLY_CHANNELS: ReplyAddressRules = {
  prefixes: [POSTGRES_REPLY_CHANNEL_PREFIX],
  names: [],
  shape: /^[a-z_][a-z0-9_]{0,62}$/,
  shapeText: 'a channel name of lower-case letters, digits and _, not starting with a digit, at most 63 characters',
};

/** The client's checked `replyChannelPrefix`: room is left for the random part. */
export function replyChannelPrefix(value: unknown): string {
  const prefix = value ?? POSTGRES_REPLY_CHANNEL_PREFIX;
  const longest = MAX_CHANNEL - RANDOM_HEX;
  if (typeof prefix !== 'string' || prefix.length > longest || !POSTGRES_REPLY_CHANNELS.shape.test(`${prefix}0`)) {
    throw new InvalidOptionError('replyChannelPrefix', prefix, `lower-case letters, digits and _ (not starting with a digit), at most ${longest} characters`);
  }
  return prefix;
}

/** A fresh reply channel of one client. */
export function newReplyChannel(prefix: string): string {
  return `${prefix}${randomBytes(RANDOM_HEX / 2).toString('hex')}`;
}
