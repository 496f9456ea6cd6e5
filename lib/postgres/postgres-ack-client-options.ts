import type { ReconnectOptions } from '../core/reconnect';
import type { PostgresConnectionOptions } from './postgres-ack-server-options';

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
}

/** Anything that runs a query: a `pg.Pool`, a `pg.Client`, or a `PoolClient` inside your transaction. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}
