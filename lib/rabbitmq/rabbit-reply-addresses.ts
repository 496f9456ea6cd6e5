import type { ReplyAddressRules } from '../core/reply-address-allow-list';

/**
 * RabbitMQ's direct reply-to pseudo-queue, the default reply queue of
 * `RabbitAckClient` and of Nest's `ClientRMQ`. A requester publishes with this
 * `replyTo`; the broker rewrites it to `amq.rabbitmq.reply-to.<token>` (the
 * requester's channel), which is what a server sees.
 */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/**
 * Where `RabbitAckServer` publishes replies unless `replyAddresses` says
 * otherwise: direct reply-to addresses only. A reply queue of your own is
 * yours to add (`replyAddresses.names`); a reply to a direct reply-to token
 * that names no live channel is dropped by the broker.
 *
 * Every address is also a queue name as the default exchange routes it:
 * printable ASCII without spaces, at most 255 bytes (RabbitMQ's limit).
 */
export const RABBIT_REPLY_ADDRESSES: ReplyAddressRules = {
  prefixes: [`${DIRECT_REPLY_TO}.`],
  names: [],
  shape: /^[\x21-\x7e]{1,255}$/,
  shapeText: 'a queue name of printable ASCII without spaces, at most 255 bytes',
};
