import { Pool, type PoolConfig } from 'pg';
import { InvalidOptionError } from '../core/errors';
import { assertBoolean, assertLimit, assertNumber, definedOnly } from '../core/option-checks';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { POSTGRES_SERVER_KEYS, type PostgresAckServerOptions, type PostgresConnectionOptions } from './postgres-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';
import type { TableName } from './postgres-sql';
import { withTls } from './postgres-tls';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_TABLE = 'nestjs_ack_messages';

/** The checked connection part, shared by server and client. */
export interface PostgresConnectionSettings {
  /** Our own pool config, or the user's pool (never ended by us). */
  connection: { config: PoolConfig } | { pool: Pool };
  name: TableName;
  queue: string;
  createSchema: boolean;
}

/** `PostgresAckServerOptions` (transport part) with defaults applied and checked. */
export interface PostgresServerSettings extends PostgresConnectionSettings {
  batchSize: number;
  pollIntervalMs: number;
  leaseMs: number;
  leaseRenewalMs: number;
  deleteOnAck: boolean;
  deadLetter: boolean;
  retention: { completedMs: number; failedMs: number; intervalMs: number };
  reconnect: ResolvedReconnect;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,50}$/;

/**
 * `connectionTimeoutMillis` of a pool nestjs-ack makes, unless its config sets one. pg's default (none)
 * lets a connection attempt that reaches a restarting server hang for good: seen taking the LISTEN
 * reconnect with it, so the server stayed `reconnecting` while claiming already worked again.
 */
export const CONNECT_TIMEOUT_MS = 5000;

export function resolveConnectionSettings(options: PostgresConnectionOptions | undefined): PostgresConnectionSettings {
  const raw = options?.connection ?? process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  let connection: PostgresConnectionSettings['connection'];
  if (isPool(raw)) connection = { pool: raw };
  else if (typeof raw === 'string' && raw.length > 0) connection = { config: withTls({ connectionString: raw, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }, options?.ssl) };
  else if (typeof raw === 'object' && raw !== null) connection = { config: withTls({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...(raw as PoolConfig) }, options?.ssl) };
  else throw new InvalidOptionError('connection', typeof raw, 'a connection string, a pg PoolConfig or a pg.Pool');
  if ('pool' in connection && options?.ssl !== undefined) throw new InvalidOptionError('ssl', 'given with a pg.Pool', 'no ssl option with your own pool: set ssl in that pool\'s config');
  const schema = identifier('schema', options?.schema ?? 'public');
  const table = identifier('table', options?.table ?? DEFAULT_TABLE);
  const queue = options?.queue ?? 'default';
  if (typeof queue !== 'string' || queue.length === 0 || queue.length > 200) throw new InvalidOptionError('queue', queue, 'a non-empty string of at most 200 characters');
  const createSchema = assertBoolean(options?.createSchema ?? false, 'createSchema');
  return { connection, name: { schema, table }, queue, createSchema };
}

/** Validates the transport options; every error names the option and what is allowed. */
export function resolvePostgresSettings(options: PostgresAckServerOptions, concurrency: number): PostgresServerSettings {
  assertKnownKeys(options, POSTGRES_SERVER_KEYS, 'PostgresAckServer');
  const base = resolveConnectionSettings(options);
  const batchSize = options.batchSize ?? concurrency;
  assertNumber(batchSize, 'batchSize', 1, true);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  assertNumber(pollIntervalMs, 'pollIntervalMs', 1);
  const leaseMs = options.leaseMs ?? 30_000;
  assertNumber(leaseMs, 'leaseMs', 10);
  const leaseRenewalMs = options.leaseRenewalMs ?? Math.max(1, Math.floor(leaseMs / 3));
  assertNumber(leaseRenewalMs, 'leaseRenewalMs', 1);
  if (leaseRenewalMs >= leaseMs) throw new InvalidOptionError('leaseRenewalMs', leaseRenewalMs, `a number below leaseMs (${leaseMs})`);
  const retention = { completedMs: 86_400_000, failedMs: 1_209_600_000, intervalMs: 60_000, ...definedOnly(options.retention) };
  assertLimit(retention.completedMs, 'retention.completedMs', 0);
  assertLimit(retention.failedMs, 'retention.failedMs', 0);
  assertNumber(retention.intervalMs, 'retention.intervalMs', 10);
  return {
    ...base,
    batchSize,
    pollIntervalMs,
    leaseMs,
    leaseRenewalMs,
    deleteOnAck: assertBoolean(options.deleteOnAck ?? false, 'deleteOnAck'),
    deadLetter: assertBoolean(options.deadLetter ?? true, 'deadLetter'),
    retention,
    reconnect: resolveReconnect(options.reconnect),
  };
}

function identifier(option: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value)) throw new InvalidOptionError(option, value, 'a SQL name: a letter or _, then letters, digits or _, at most 51 characters');
  return value;
}

/** A `pg.Pool`, also one from another copy of `pg`. */
function isPool(value: unknown): value is Pool {
  if (value instanceof Pool) return true;
  const candidate = value as Partial<Pool> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.connect === 'function' && typeof candidate.query === 'function';
}
