import type { Pool, PoolClient } from 'pg';
import type { InboundMessage } from '../core/inbound-message';
import type { PostgresSql } from './postgres-sql';
/** A claimed row, as `RETURNING` gives it. */
export interface ClaimedRow {
    id: string;
    pattern: string | null;
    body: Buffer;
    headers: Record<string, unknown> | null;
    reply_to: string | null;
    correlation_id: string | null;
    attempts: number;
    created_at: Date;
}
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
export declare function toPostgresMessage(row: ClaimedRow, queue: string, session: RowSession): PostgresMessage;
