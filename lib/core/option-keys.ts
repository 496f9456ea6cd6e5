import type { AckServerOptions } from './ack-server-options';
import type { AllListed, KeysListed, OptionKeys } from './known-keys';
import type { ReconnectOptions } from './reconnect';
import type { ReplyAddressOptions } from './reply-address-allow-list';
import { RETRY_KEYS } from './retry-options';

// The checking itself is in known-keys.ts (it imports no options, so options files can use it); here
// are the key lists of the options every transport shares.
export { assertKnownKeys, type AllListed, type KeysListed, type OptionKeys } from './known-keys';

/** `reconnect` of the servers and clients that reconnect themselves. */
export const RECONNECT_OPTION_NAMES = ['initialDelayMs', 'maxDelayMs', 'multiplier', 'maxAttempts'] as const satisfies readonly (keyof ReconnectOptions)[];
type _Reconnect = AllListed<KeysListed<ReconnectOptions, typeof RECONNECT_OPTION_NAMES>>;
export const RECONNECT_KEYS: OptionKeys = { keys: RECONNECT_OPTION_NAMES };

/** `replyAddresses` of the servers (Kafka's adds `patternReplyTopics`). */
export const REPLY_ADDRESS_OPTION_NAMES = ['prefixes', 'names'] as const satisfies readonly (keyof ReplyAddressOptions)[];
type _ReplyAddresses = AllListed<KeysListed<ReplyAddressOptions, typeof REPLY_ADDRESS_OPTION_NAMES>>;
export const REPLY_ADDRESS_KEYS: OptionKeys = { keys: REPLY_ADDRESS_OPTION_NAMES };

/**
 * `AckServerOptions`, which every server's options extend. `startTimeoutMs`
 * and `name` are listed ahead of their interface fields (added beside this list).
 */
export const ACK_SERVER_OPTION_NAMES = [
  'defaultPolicy',
  'retry',
  'concurrency',
  'shutdownTimeoutMs',
  'maxMessageBytes',
  'maxBodyBytes',
  'logSettlements',
  'serializer',
  'deserializer',
  'startTimeoutMs',
  'name',
] as const satisfies readonly (keyof AckServerOptions | 'startTimeoutMs' | 'name')[];
type _AckServer = AllListed<KeysListed<AckServerOptions, typeof ACK_SERVER_OPTION_NAMES>>;

/**
 * A server's option keys: the common ones (with `retry` checked inside) and
 * `own`, the names its options add to `AckServerOptions`.
 */
export function serverOptionKeys(own: readonly string[], nested: Record<string, OptionKeys> = {}): OptionKeys {
  return { keys: [...ACK_SERVER_OPTION_NAMES, ...own], nested: { retry: RETRY_KEYS, ...nested } };
}
