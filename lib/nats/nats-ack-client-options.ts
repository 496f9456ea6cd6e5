import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { ProducerDeserializer, ProducerSerializer } from '@nestjs/microservices';
import type { AllListed, KeysListed, OptionKeys } from '../core/option-keys';

/** Options of `NatsAckClient`. It provisions nothing: the server owns streams and consumers. */
export interface NatsAckClientOptions {
  /** Server URL(s). Ignored when `connection` is given. @defaultValue 'nats://127.0.0.1:4222' */
  servers?: string | string[];
  /** An open connection to use; `close()` leaves it open. @defaultValue none */
  connection?: NatsConnection;
  /** Passed through to `connect()` (auth, TLS, name, reconnect timing). Never logged. @defaultValue `{ maxReconnectAttempts: -1 }` */
  connectionOptions?: Omit<ConnectionOptions, 'servers'>;
  /**
   * Subject to publish to. @defaultValue the message's pattern (it must be a subject a stream captures)
   */
  subject?: string;
  /** How long a publish waits for the stream's acknowledgement (JetStream retries it meanwhile). @defaultValue 10000 */
  publishTimeoutMs?: number;
  /** Headers added to every message. @defaultValue `{}` */
  headers?: Record<string, string>;
  /** Turns each outgoing packet (`{ pattern, data, id? }`) into what is sent as JSON. @defaultValue Nest's identity serializer */
  serializer?: ProducerSerializer;
  /** Turns each reply's parsed JSON into Nest's response packet. @defaultValue Nest's incoming response deserializer */
  deserializer?: ProducerDeserializer;
}

const NATS_CLIENT_OPTION_NAMES = ['servers', 'connection', 'connectionOptions', 'subject', 'publishTimeoutMs', 'headers', 'serializer', 'deserializer'] as const satisfies readonly (keyof NatsAckClientOptions)[];
type _Client = AllListed<KeysListed<NatsAckClientOptions, typeof NATS_CLIENT_OPTION_NAMES>>;
/** The keys `NatsAckClient` takes (see `assertKnownKeys`); `connectionOptions` is the driver's own, not checked. */
export const NATS_CLIENT_KEYS: OptionKeys = { keys: NATS_CLIENT_OPTION_NAMES };
