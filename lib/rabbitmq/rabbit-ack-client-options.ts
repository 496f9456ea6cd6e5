import type { ProducerDeserializer, ProducerSerializer } from '@nestjs/microservices';
import type { ReconnectOptions } from '../core/reconnect';
import { RABBIT_SECURITY_OPTION_NAMES, RABBIT_TLS_KEYS, type RabbitSecurityOptions } from './rabbit-ack-server-options';
import { RECONNECT_KEYS, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';

/** Options of `RabbitAckClient`. It declares nothing: the server owns the topology. */
export interface RabbitAckClientOptions extends RabbitSecurityOptions {
  /** Broker URL, or several tried in order. @defaultValue 'amqp://guest:guest@127.0.0.1:5672' */
  urls?: string | string[];
  /** Queue that `send()` and `emit()` publish to (through the default exchange). Required unless `exchange` is set. @defaultValue none */
  queue?: string;
  /**
   * Publish to this exchange instead, with the pattern (as a string) as
   * routing key, or `routingKey` when given.
   * @defaultValue none (publish to `queue`)
   */
  exchange?: string;
  /** Fixed routing key on `exchange`. @defaultValue the message's pattern */
  routingKey?: string;
  /**
   * Where replies of `send()` arrive: a queue you declared, consumed without
   * acks (a reply is only of use to this process's pending request). The
   * server must accept it: add it to its `replyAddresses.names`.
   * @defaultValue 'amq.rabbitmq.reply-to' (direct reply-to, no queue declared)
   */
  replyQueue?: string;
  /** Messages survive a broker restart (`deliveryMode` 2). @defaultValue true */
  persistent?: boolean;
  /** Headers added to every message. @defaultValue `{}` */
  headers?: Record<string, string>;
  /**
   * How long a publish may wait for the connection (it retries across a
   * reconnect) and for the broker's confirm before failing.
   * @defaultValue 30000
   */
  publishTimeoutMs?: number;
  /** Reconnect backoff. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
  reconnect?: ReconnectOptions;
  /** @defaultValue Nest's identity serializer */
  serializer?: ProducerSerializer;
  /** @defaultValue Nest's incoming response deserializer */
  deserializer?: ProducerDeserializer;
}

const RABBIT_CLIENT_OPTION_NAMES = [
  'urls', 'queue', 'exchange', 'routingKey', 'replyQueue', 'persistent', 'headers', 'publishTimeoutMs', 'reconnect',
  'serializer', 'deserializer', ...RABBIT_SECURITY_OPTION_NAMES,
] as const satisfies readonly (keyof RabbitAckClientOptions)[];
type _Client = AllListed<KeysListed<RabbitAckClientOptions, typeof RABBIT_CLIENT_OPTION_NAMES>>;
/** The keys `RabbitAckClient` takes (see `assertKnownKeys`). */
export const RABBIT_CLIENT_KEYS: OptionKeys = { keys: RABBIT_CLIENT_OPTION_NAMES, nested: { reconnect: RECONNECT_KEYS, tls: RABBIT_TLS_KEYS } };
