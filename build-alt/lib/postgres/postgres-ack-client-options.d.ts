import type { ReconnectOptions } from '../core/reconnect';
import type { PostgresConnectionOptions } from './postgres-ack-server-options';
/** Options of `PostgresAckClient`. */
export interface PostgresAckClientOptions extends PostgresConnectionOptions {
    /** Headers stored with every message (a message's own headers win). @defaultValue `{}` */
    headers?: Record<string, string>;
    /** Backoff of the LISTEN connection that receives replies of `send()`. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
    reconnect?: ReconnectOptions;
}
/** Anything that runs a query: a `pg.Pool`, a `pg.Client`, or a `PoolClient` inside your transaction. */
export interface Queryable {
    query(text: string, values?: unknown[]): Promise<{
        rows: any[];
    }>;
}
