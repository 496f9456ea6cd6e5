import type { Pool } from 'pg';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
import type { PostgresSql } from './postgres-sql';
/** What the probe reads from the server at the moment of a check. */
export interface PostgresHealthSource {
    queue: string;
    sql: PostgresSql;
    state: AckServerStatus;
    /** The server's pool, undefined before the start and after the close. */
    pool: Pool | undefined;
    /** The claim loop runs. */
    consuming: boolean;
}
/**
 * Counts the queue's claimable rows (due `PENDING` / `RETRYABLE`, read from
 * the partial index `claimable`) through the server's pool: the query
 * answering is `connected`, the count is `backlog`. The loop keeps claiming
 * by polling while the `LISTEN` connection is away, so `connected` does not
 * depend on it; `state` shows it.
 */
export declare function probePostgres(source: PostgresHealthSource): Promise<BrokerHealth>;
