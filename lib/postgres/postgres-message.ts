import type { Pool, PoolClient } from 'pg';
import type { InboundMessage } from '../core/inbound-message';
import type { PostgresSql } from './postgres-sql';

/** A claimed row, as `RETURNING` gives it. */
export interface ClaimedRow {
  id: string;
  /** The producer's columns, all null when the row is over `maxMessageBytes` (never loaded). */
  pattern: string | null;
  body: Buffer | null;
  headers: Record<string, unknown> | null;
  reply_to: string | null;
  correlation_id: string | null;
  /** Bytes of body, headers (as JSON text), pattern, reply_to and correlation_id (bigint: a string). */
  size: string;
  attempts: number;
  created_at: Date;
}

const NOT_LOADED = Buffer.alloc(0);

/** A delivery of the PostgreSQL transport: one claimed row. */
export interface PostgresMessage extends InboundMessage {
  /** The row's id (bigserial, as a string). */
  id: string;
  /** The queue the row belongs to. */
  queue: string;
  /** The claim's `attempts` value: a settle only applies while the row is still held by this claim. */
  attempts: number;
  /** When the row was inserted. */
  createdAt: Date;
  /** Where its settle statements run: the server's pool, or the handler's open transaction. */
  session: RowSession;
}

/** The database side of one delivery. */
export interface RowSession {
  pool: Pool;
  sql: PostgresSql;
  /** Set while `PostgresAckContext.transaction()` runs: the settlement commits with the handler's writes. */
  transaction?: PoolClient;
}

export function toPostgresMessage(row: ClaimedRow, queue: string, session: RowSession): PostgresMessage {
  return {
    session,
    id: row.id,
    queue,
    attempts: row.attempts,
    createdAt: row.created_at,
    // An oversized row's body stays in the table (its dead letter keeps it); `size` has the core refuse it.
    body: row.body ?? NOT_LOADED,
    headers: stringHeaders(row.headers),
    size: Number(row.size),
    deliveryCount: row.attempts,
    source: { queue, id: row.id },
    key: `${queue}/${row.id}`,
    pattern: row.pattern ?? undefined,
    replyTo: row.reply_to ?? undefined,
    correlationId: row.correlation_id ?? undefined,
  };
}

function stringHeaders(headers: Record<string, unknown> | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== null && value !== undefined) result[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}
