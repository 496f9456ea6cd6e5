import type { ConnectionOptions } from 'node:tls';
import type { Pool, PoolConfig } from 'pg';
import type { AckServerOptions } from '../core/ack-server-options';
import type { ReconnectOptions } from '../core/reconnect';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';
import { RECONNECT_KEYS, REPLY_ADDRESS_KEYS, serverOptionKeys, type AllListed, type KeysListed } from '../core/option-keys';

/**
 * TLS towards PostgreSQL, handed to `pg` as its `ssl` config: `true` (verify
 * the server against Node's default CAs), or Node TLS options such as `ca`,
 * `cert`, `key` (PEM contents, not paths), `servername`, `rejectUnauthorized`.
 */
export type PostgresTlsOptions = boolean | ConnectionOptions;

/** Where the transport's rows live and how to reach the database; shared by server and client. */
export interface PostgresConnectionOptions {
  /**
   * The database: a connection string, a `pg` pool config, or your own `pg.Pool`
   * (used as is and never ended by nestjs-ack). Never logged with credentials. A pool made from a
   * string or config gets `connectionTimeoutMillis: 5000` unless the config sets it (pg's default,
   * none, lets a connection attempt to a restarting server hang for good).
   * @defaultValue `process.env.DATABASE_URL`, else `'postgres://postgres@127.0.0.1:5432/postgres'`
   */
  connection?: string | PoolConfig | Pool;
  /**
   * TLS towards the database, passed to `pg` as its `ssl` config: `true`, or `{ ca, cert, key,
   * servername, rejectUnauthorized, ... }` (PEM contents: `readFileSync('ca.pem')`). Not together with
   * TLS parameters in the connection URL (`sslmode`, `sslrootcert`...), nor with your own `pg.Pool`
   * (set `ssl` in its config). See the TLS section of docs/postgres.md.
   * @defaultValue none: what the connection URL's `sslmode` says, else no TLS
   */
  ssl?: PostgresTlsOptions;
  /** Schema of the table. @defaultValue 'public' */
  schema?: string;
  /** Table of the messages (replies go to `<table>_replies`). @defaultValue 'nestjs_ack_messages' */
  table?: string;
  /** The queue: rows of other queues in the same table are never touched. @defaultValue 'default' */
  queue?: string;
  /** Creates schema, tables and indexes at start (`IF NOT EXISTS`); otherwise run `schema.sql` in your migrations. @defaultValue false */
  createSchema?: boolean;
}

/** How long settled rows are kept. */
export interface PostgresRetentionOptions {
  /** COMPLETED rows older than this are deleted. `Infinity` keeps them. @defaultValue 86400000 (one day) */
  completedMs?: number;
  /** FAILED rows (the dead letters) older than this are deleted. `Infinity` keeps them. @defaultValue 1209600000 (14 days) */
  failedMs?: number;
  /** How often the server deletes expired rows (and uncollected replies). @defaultValue 60000 */
  intervalMs?: number;
}

/** Options of `PostgresAckServer`. */
export interface PostgresAckServerOptions extends AckServerOptions, PostgresConnectionOptions {
  /** Rows claimed per statement, at most the free handler slots. @defaultValue `concurrency` */
  batchSize?: number;
  /** Poll for due rows this often when no NOTIFY came (delayed retries, expired leases, lost notifications). @defaultValue 1000 */
  pollIntervalMs?: number;
  /** A claimed row is this consumer's for this long; it comes back to any consumer after it unless settled or renewed. @defaultValue 30000 */
  leaseMs?: number;
  /** Renewal period of the lease of rows whose handler still runs; below `leaseMs`. @defaultValue a third of `leaseMs` */
  leaseRenewalMs?: number;
  /** ack deletes the row instead of marking it COMPLETED. @defaultValue false */
  deleteOnAck?: boolean;
  /** reject marks the row FAILED (the dead letter) with reason and error; `false` deletes it. @defaultValue true */
  deadLetter?: boolean;
  /** Deletion of old COMPLETED and FAILED rows. @defaultValue `{ completedMs: 86400000, failedMs: 1209600000, intervalMs: 60000 }` */
  retention?: PostgresRetentionOptions;
  /** Backoff of the LISTEN connection's reconnects, and between the attempts of `listen()`. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
  reconnect?: ReconnectOptions;
  /**
   * Channels a request's `reply_to` may name: the server NOTIFYs it and files the reply under it.
   * Anything else is dead-lettered as `invalid-reply-address` before the handler runs. Given lists
   * replace the default; every entry is a lower-case channel name (letters, digits, `_`).
   * @defaultValue `{ prefixes: ['nestjs_ack_reply_'] }` (`PostgresAckClient`'s `replyChannelPrefix`)
   */
  replyAddresses?: ReplyAddressOptions;
}

/** The names of `PostgresConnectionOptions`, shared by server and client (see `assertKnownKeys`). */
export const POSTGRES_CONNECTION_OPTION_NAMES = ['connection', 'ssl', 'schema', 'table', 'queue', 'createSchema'] as const satisfies readonly (keyof PostgresConnectionOptions)[];
type _Connection = AllListed<KeysListed<PostgresConnectionOptions, typeof POSTGRES_CONNECTION_OPTION_NAMES>>;
const RETENTION_NAMES = ['completedMs', 'failedMs', 'intervalMs'] as const satisfies readonly (keyof PostgresRetentionOptions)[];
type _Retention = AllListed<KeysListed<PostgresRetentionOptions, typeof RETENTION_NAMES>>;
const POSTGRES_SERVER_OPTION_NAMES = [
  ...POSTGRES_CONNECTION_OPTION_NAMES, 'batchSize', 'pollIntervalMs', 'leaseMs', 'leaseRenewalMs', 'deleteOnAck', 'deadLetter', 'retention',
  'reconnect', 'replyAddresses',
] as const satisfies readonly (keyof PostgresAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<PostgresAckServerOptions, keyof AckServerOptions>, typeof POSTGRES_SERVER_OPTION_NAMES>>;
/** `connection` (pg's pool config or pool) and `ssl` (Node's TLS options) are passed to pg: not checked here. */
export const POSTGRES_SERVER_KEYS = serverOptionKeys(POSTGRES_SERVER_OPTION_NAMES, {
  retention: { keys: RETENTION_NAMES },
  reconnect: RECONNECT_KEYS,
  replyAddresses: REPLY_ADDRESS_KEYS,
});
