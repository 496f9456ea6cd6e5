import type { ProducerDeserializer, ProducerSerializer } from '@nestjs/microservices';
import { RECONNECT_KEYS, type AllListed, type KeysListed, type OptionKeys } from '../core/option-keys';
import type { ReconnectOptions } from '../core/reconnect';
import { POSTGRES_CONNECTION_OPTION_NAMES, type PostgresConnectionOptions } from './postgres-ack-server-options';

/** Options of `PostgresAckClient`. */
export interface PostgresAckClientOptions extends PostgresConnectionOptions {
  /** Headers stored with every message (a message's own headers win). @defaultValue `{}` */
  headers?: Record<string, string>;
  /** Backoff of the LISTEN connection that receives replies of `send()`. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
  reconnect?: ReconnectOptions;
  /**
   * Start of the channel this client LISTENs on for `send()` replies (16 random hex digits follow).
   * Servers publish replies only to channels their `replyAddresses` accept: change both together.
   * Lower-case letters, digits and `_`, at most 47 characters.
   * @defaultValue 'nestjs_ack_reply_'
   */
  replyChannelPrefix?: string;
  /** Turns an outgoing packet into the `{ pattern, data, id }` stored as the row's body. @defaultValue Nest's identity serializer */
  serializer?: ProducerSerializer;
  /** Turns a reply row's body into Nest's response packet. @defaultValue Nest's incoming response deserializer */
  deserializer?: ProducerDeserializer;
}

/** Anything that runs a query: a `pg.Pool`, a `pg.Client`, or a `PoolClient` inside your transaction. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

const POSTGRES_CLIENT_OPTION_NAMES = [...POSTGRES_CONNECTION_OPTION_NAMES, 'headers', 'reconnect', 'replyChannelPrefix', 'serializer', 'deserializer'] as const satisfies readonly (keyof PostgresAckClientOptions)[];
type _Client = AllListed<KeysListed<PostgresAckClientOptions, typeof POSTGRES_CLIENT_OPTION_NAMES>>;
/** The keys `PostgresAckClient` takes (see `assertKnownKeys`); `connection` and `ssl` are pg's own, not checked. */
export const POSTGRES_CLIENT_KEYS: OptionKeys = { keys: POSTGRES_CLIENT_OPTION_NAMES, nested: { reconnect: RECONNECT_KEYS } };
