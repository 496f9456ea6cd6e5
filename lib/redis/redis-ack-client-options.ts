import type { ProducerDeserializer, ProducerSerializer } from '@nestjs/microservices';
import type { ReconnectOptions } from '../core/reconnect';
import type { RedisConnectionOption } from './redis-ack-server-options';
import { RECONNECT_KEYS, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';

/** Options of `RedisAckClient`. */
export interface RedisAckClientOptions {
  /** Where Redis is: a URL, ioredis options, or an ioredis client (duplicated, never closed by us). @defaultValue 'redis://127.0.0.1:6379' */
  connection?: RedisConnectionOption;
  /** Trims each stream written to about this many entries (`XADD ... MAXLEN ~`). Redis 7 trims unread entries too. @defaultValue undefined (no trimming) */
  maxLen?: number;
  /** Headers added to every message (a `headers` field holding a JSON object). @defaultValue none */
  headers?: Record<string, string>;
  /**
   * Prefix of this client's reply list (`<prefix><uuid>`), where `send()`
   * replies arrive: printable ASCII without spaces. A server replies only to
   * keys its `replyAddresses` allow (by default exactly this default prefix):
   * with another prefix, add it there.
   * @defaultValue 'nestjs-ack:reply:'
   */
  replyPrefix?: string;
  /** Reconnect backoff after the connection drops. @defaultValue the core's `DEFAULT_RECONNECT` */
  reconnect?: ReconnectOptions;
  /** Turns each packet into the object written, as JSON, in the `body` field. @defaultValue Nest's identity serializer */
  serializer?: ProducerSerializer;
  /** Turns each reply read from the reply list into Nest's response packet. @defaultValue Nest's incoming response deserializer */
  deserializer?: ProducerDeserializer;
}

const REDIS_CLIENT_OPTION_NAMES = ['connection', 'maxLen', 'headers', 'replyPrefix', 'reconnect', 'serializer', 'deserializer'] as const satisfies readonly (keyof RedisAckClientOptions)[];
type _Client = AllListed<KeysListed<RedisAckClientOptions, typeof REDIS_CLIENT_OPTION_NAMES>>;
/** The keys `RedisAckClient` takes (see `assertKnownKeys`); `connection` is ioredis' own, not checked. */
export const REDIS_CLIENT_KEYS: OptionKeys = { keys: REDIS_CLIENT_OPTION_NAMES, nested: { reconnect: RECONNECT_KEYS } };
