import type { ReplyAddressRules } from '../core/reply-address-allow-list';

/**
 * Where `NatsAckServer` may publish replies: subjects under `_INBOX.`, the
 * inbox prefix of nats.js, `NatsAckClient` and Nest's `ClientNats`. Whatever
 * `replyAddresses` says, a reply subject must be printable ASCII of at most
 * 255 characters, in non-empty dot-separated tokens, with no `*`, `>` or `,`
 * (wildcards; a repeated header reads as values joined by commas), and must
 * not start with `$` (`$JS.API.*`, `$SYS.*`, `$KV.*`: the server's own API).
 */
export const NATS_REPLY_ADDRESSES: ReplyAddressRules = {
  prefixes: ['_INBOX.'],
  names: [],
  shape: /^(?=[\x21-\x7e]{1,255}$)(?!\$)[^.*>,]+(\.[^.*>,]+)*$/,
  shapeText: 'a NATS subject of printable ASCII (at most 255 characters, no wildcards, commas or empty tokens) not starting with $',
};
