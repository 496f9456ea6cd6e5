import type { AckServerOptions } from '../core/ack-server-options';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';
import { RECONNECT_KEYS, REPLY_ADDRESS_KEYS, serverOptionKeys, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';
import type { ReconnectOptions } from '../core/reconnect';

/**
 * TLS of an `amqps://` connection, handed to Node's `tls.connect` through
 * amqplib. PEM contents, not file paths (read them with `readFileSync`).
 * Never logged.
 */
export interface RabbitTlsOptions {
  /**
   * CA certificate(s) that signed the broker's certificate. Replaces Node's
   * default CAs: a broker certificate from a private CA needs it.
   * @defaultValue Node's default CAs
   */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate chain, for brokers that verify peers (`ssl_options.verify = verify_peer`) and for `auth: 'external'`. @defaultValue none */
  cert?: string | Buffer;
  /** Private key of `cert`. @defaultValue none */
  key?: string | Buffer;
  /** Passphrase of an encrypted `key`. @defaultValue none */
  passphrase?: string;
  /**
   * Host name the broker's certificate must name (also sent as SNI).
   * @defaultValue the URL's host (for an IP address, the certificate must name that IP)
   */
  servername?: string;
}

/** How `RabbitAckServer` and `RabbitAckClient` secure their connections. */
export interface RabbitSecurityOptions {
  /**
   * TLS settings for `amqps://` URLs. Every URL must be `amqps://` when this
   * is given (a CA with a plain-text URL would be a silent downgrade).
   * @defaultValue none (`amqps://` URLs use Node's default CAs)
   */
  tls?: RabbitTlsOptions;
  /**
   * `'plain'`: the user and password of the URL (`guest`/`guest` when it has
   * none). `'external'`: SASL EXTERNAL, the broker takes the user from the
   * client certificate (`tls.cert` and `tls.key` required, `amqps://` URLs;
   * the broker needs the `rabbitmq_auth_mechanism_ssl` plugin).
   * @defaultValue 'plain'
   */
  auth?: 'plain' | 'external';
}

/** The names of `RabbitTlsOptions` and `RabbitSecurityOptions` (see `assertKnownKeys`). */
export const RABBIT_TLS_OPTION_NAMES = ['ca', 'cert', 'key', 'passphrase', 'servername'] as const satisfies readonly (keyof RabbitTlsOptions)[];
type _Tls = AllListed<KeysListed<RabbitTlsOptions, typeof RABBIT_TLS_OPTION_NAMES>>;
export const RABBIT_SECURITY_OPTION_NAMES = ['tls', 'auth'] as const satisfies readonly (keyof RabbitSecurityOptions)[];
type _Security = AllListed<KeysListed<RabbitSecurityOptions, typeof RABBIT_SECURITY_OPTION_NAMES>>;
export const RABBIT_TLS_KEYS: OptionKeys = { keys: RABBIT_TLS_OPTION_NAMES };

/** Where rejected messages go. */
export interface RabbitDeadLetterOptions {
  /**
   * Exchange (type `direct`) that receives dead letters, ours and the
   * broker's own (a quorum queue's `x-delivery-limit`, an expired message).
   * Set as the queue's `x-dead-letter-exchange`.
   * @defaultValue `<queue>.dlx`
   */
  exchange?: string;
  /**
   * Queue bound to `exchange` that keeps the dead letters. Declared with the
   * same `queueType` as the source queue.
   * @defaultValue `<queue>.dlq`
   */
  queue?: string;
  /**
   * Routing key of dead letters on `exchange` (the queue's
   * `x-dead-letter-routing-key`), and the key `queue` is bound with.
   * @defaultValue the source queue's name
   */
  routingKey?: string;
}

/** The names of `RabbitDeadLetterOptions` (see `assertKnownKeys`). */
export const RABBIT_DEAD_LETTER_OPTION_NAMES = ['exchange', 'queue', 'routingKey'] as const satisfies readonly (keyof RabbitDeadLetterOptions)[];
type _DeadLetter = AllListed<KeysListed<RabbitDeadLetterOptions, typeof RABBIT_DEAD_LETTER_OPTION_NAMES>>;

/** Options of `RabbitAckServer`. */
export interface RabbitAckServerOptions extends AckServerOptions, RabbitSecurityOptions {
  /**
   * Broker URL, or several tried in order at each (re)connect. Add
   * `?heartbeat=10` to detect dead connections faster. Never logged with
   * credentials.
   * @defaultValue 'amqp://guest:guest@127.0.0.1:5672'
   */
  urls?: string | string[];
  /** The queue to consume. Required: start-up fails with a message naming it when missing. @defaultValue none */
  queue: string;
  /**
   * `quorum` (replicated, counts deliveries in `x-delivery-count`) or
   * `classic` (delivery count carried in our own header, see docs/rabbitmq.md).
   * @defaultValue 'quorum'
   */
  queueType?: 'quorum' | 'classic';
  /**
   * Use the existing topology: declare nothing, only check that the queue
   * (and the dead-letter exchange, unless `deadLetter: false`) exist.
   * @defaultValue false
   */
  noAssert?: boolean;
  /** Extra queue arguments (for example `{ 'x-delivery-limit': 50 }`). @defaultValue `{}` */
  queueArguments?: Record<string, unknown>;
  /** Exchange to bind the queue to; declared durable unless `noAssert`. @defaultValue none (default exchange only) */
  exchange?: string;
  /** Type of `exchange`. @defaultValue 'topic' */
  exchangeType?: 'direct' | 'topic' | 'fanout' | 'headers';
  /**
   * Binding keys of the queue on `exchange`.
   * @defaultValue `['#']` for topic, `[queue]` for direct, `['']` for fanout and headers
   */
  routingKeys?: string[];
  /**
   * Unacked deliveries the broker hands this consumer at once (`basic.qos`).
   * Must be at least `concurrency`: the rest buffers the next messages and
   * holds messages waiting for a delayed nack.
   * @defaultValue twice `concurrency`, at least 20
   */
  prefetch?: number;
  /**
   * Dead-letter target, declared by default. `false` turns dead-lettering
   * off: a reject then drops the message (`basic.reject(requeue=false)`).
   * @defaultValue `{ exchange: '<queue>.dlx', queue: '<queue>.dlq', routingKey: '<queue>' }`
   */
  deadLetter?: RabbitDeadLetterOptions | false;
  /** Reconnect backoff after the connection drops, and between the attempts of `listen()`. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
  reconnect?: ReconnectOptions;
  /**
   * Queues replies may be published to (through the default exchange). A
   * request whose `replyTo` is outside them is dead-lettered with reason
   * `invalid-reply-address` before its handler runs, and nothing is
   * published. Given, it replaces the default: list the direct reply-to
   * prefix too when you add a reply queue of your own.
   * @defaultValue `{ prefixes: ['amq.rabbitmq.reply-to.'] }` (direct reply-to, what `RabbitAckClient` and Nest's `ClientRMQ` use)
   */
  replyAddresses?: ReplyAddressOptions;
  /**
   * The RabbitMQ user this server authenticates as. Its republished copies
   * (a nack on a classic queue) carry it as AMQP `user-id`, which the broker
   * checks against the connection's user, and a classic queue's count header
   * is believed only on a message carrying it. Set it when the broker knows
   * the user by another name than the URL (an LDAP backend that maps names),
   * and with `auth: 'external'` on a classic queue (required there).
   * @defaultValue the user of the URL connected to (`guest` when the URL has none)
   */
  userId?: string;
}

/** The names `RabbitAckServerOptions` adds to the common ones (see `assertKnownKeys`). */
const RABBIT_SERVER_OPTION_NAMES = [
  'urls', 'queue', 'queueType', 'noAssert', 'queueArguments', 'exchange', 'exchangeType', 'routingKeys', 'prefetch',
  'deadLetter', 'reconnect', 'replyAddresses', 'userId', ...RABBIT_SECURITY_OPTION_NAMES,
] as const satisfies readonly (keyof RabbitAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<RabbitAckServerOptions, keyof AckServerOptions>, typeof RABBIT_SERVER_OPTION_NAMES>>;
/** The keys `RabbitAckServer` takes (see `assertKnownKeys`). */
export const RABBIT_SERVER_KEYS = serverOptionKeys(RABBIT_SERVER_OPTION_NAMES, {
  deadLetter: { keys: RABBIT_DEAD_LETTER_OPTION_NAMES },
  reconnect: RECONNECT_KEYS,
  replyAddresses: REPLY_ADDRESS_KEYS,
  tls: RABBIT_TLS_KEYS,
});
