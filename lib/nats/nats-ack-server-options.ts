import type { ConsumerConfig, StreamConfig } from '@nats-io/jetstream';
import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { AckServerOptions } from '../core/ack-server-options';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';
import { REPLY_ADDRESS_KEYS, serverOptionKeys, type AllListed, type KeysListed } from '../core/option-keys';

/** Options of `NatsAckServer`: the common ones plus where and how to consume on JetStream. */
export interface NatsAckServerOptions extends AckServerOptions {
  /** Server URL(s), e.g. `nats://127.0.0.1:4222`. Ignored when `connection` is given. @defaultValue 'nats://127.0.0.1:4222' */
  servers?: string | string[];
  /**
   * An open connection to use instead of connecting. The server never closes
   * it; its status events still drive the server's status.
   * @defaultValue none (the server connects to `servers`)
   */
  connection?: NatsConnection;
  /**
   * Passed through to `connect()` of `@nats-io/transport-node`: authentication
   * (`user`/`pass`, `token`, `authenticator`), `tls`, `name`, reconnect timing.
   * Never logged.
   * @defaultValue `{ maxReconnectAttempts: -1 }` (reconnect forever)
   */
  connectionOptions?: Omit<ConnectionOptions, 'servers'>;
  /**
   * The stream to consume (a name without dots, wildcards, slashes or whitespace).
   * @defaultValue none (required; the constructor fails naming `stream`)
   */
  stream: string;
  /**
   * Create the stream (and the dead-letter stream) at start when missing, and
   * add the consumed subjects to it when it lacks them. An object is merged
   * into the created stream's configuration. Without it, both streams must exist.
   * @defaultValue false
   */
  ensureStream?: boolean | Partial<StreamConfig>;
  /**
   * Create or update the durable consumer(s) at start. When false they must
   * exist with `ack_policy: explicit` and a `max_deliver` of -1 (unlimited) or
   * above `retry.maxDeliveries`.
   * @defaultValue true
   */
  ensureConsumer?: boolean;
  /**
   * Subjects consumed. @defaultValue the patterns of the handlers (each must be a NATS subject)
   */
  subjects?: string[];
  /**
   * Durable consumer name. On servers before 2.10 a consumer filters one
   * subject only, so several subjects get one consumer each,
   * `<consumer>-<subject>-<hash>`.
   * @defaultValue 'nestjs-ack'
   */
  consumer?: string;
  /** The consumer's `ack_wait`: a delivery not settled nor renewed within it is redelivered. @defaultValue 30000 */
  ackWaitMs?: number;
  /** The consumer's `max_ack_pending`: deliveries out at once, across all instances. @defaultValue 1000 */
  maxAckPending?: number;
  /** Messages each consumer pulls at once. @defaultValue concurrency */
  batchSize?: number;
  /** Further consumer configuration merged into what the server creates (not `ack_policy`, `max_deliver`). @defaultValue `{}` */
  consumerConfig?: Partial<ConsumerConfig>;
  /** Dead-letter stream, or `false` to drop rejected messages (term only). @defaultValue `{}` (`<stream>_DLQ`) */
  deadLetter?: NatsDeadLetterOptions | false;
  /**
   * Subjects a request's `nestjs-ack-reply-to` header may name. A request
   * naming any other is dead-lettered as `invalid-reply-address` before its
   * handler runs, and nothing is published. Given lists replace the default;
   * clients with their own `inboxPrefix` need it here (`'<inboxPrefix>.'`).
   * Never accepted, whatever the lists say: subjects starting with `$`
   * (`$JS.API.*`, `$SYS.*`), wildcards, whitespace, control characters,
   * commas, empty tokens, more than 255 characters.
   * @defaultValue `{ prefixes: ['_INBOX.'] }` (nats.js, `NatsAckClient` and Nest's `ClientNats` inboxes)
   */
  replyAddresses?: ReplyAddressOptions;
}

/** Where `NatsAckServer` stores rejected messages. */
export interface NatsDeadLetterOptions {
  /** The dead-letter stream. @defaultValue `<stream>_DLQ` */
  stream?: string;
  /**
   * Prefix of the dead-letter subjects: a message of subject `orders.created`
   * is stored as `<subjectPrefix>.orders.created`. The stream must capture
   * `<subjectPrefix>.>`.
   * @defaultValue `dead-letter.<stream>`
   */
  subjectPrefix?: string;
  /** How long a dead-letter publish may wait for the stream's acknowledgement. @defaultValue 5000 */
  publishTimeoutMs?: number;
}

/** The names of `NatsDeadLetterOptions` (see `assertKnownKeys`). */
const NATS_DEAD_LETTER_OPTION_NAMES = ['stream', 'subjectPrefix', 'publishTimeoutMs'] as const satisfies readonly (keyof NatsDeadLetterOptions)[];
type _DeadLetter = AllListed<KeysListed<NatsDeadLetterOptions, typeof NATS_DEAD_LETTER_OPTION_NAMES>>;

/** The names `NatsAckServerOptions` adds to the common ones (see `assertKnownKeys`). */
const NATS_SERVER_OPTION_NAMES = [
  'servers', 'connection', 'connectionOptions', 'stream', 'ensureStream', 'ensureConsumer', 'subjects', 'consumer', 'ackWaitMs',
  'maxAckPending', 'batchSize', 'consumerConfig', 'deadLetter', 'replyAddresses',
] as const satisfies readonly (keyof NatsAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<NatsAckServerOptions, keyof AckServerOptions>, typeof NATS_SERVER_OPTION_NAMES>>;
/** `connectionOptions`, `ensureStream` and `consumerConfig` are the driver's and JetStream's own, passed through: not checked here. */
export const NATS_SERVER_KEYS = serverOptionKeys(NATS_SERVER_OPTION_NAMES, {
  deadLetter: { keys: NATS_DEAD_LETTER_OPTION_NAMES },
  replyAddresses: REPLY_ADDRESS_KEYS,
});
