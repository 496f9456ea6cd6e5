import { Pool, type PoolConfig } from 'pg';
import { type ResolvedReconnect } from '../core/reconnect';
import type { PostgresAckServerOptions, PostgresConnectionOptions } from './postgres-ack-server-options';
import type { TableName } from './postgres-sql';
export declare const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export declare const DEFAULT_TABLE = "nestjs_ack_messages";
/** The checked connection part, shared by server and client. */
export interface PostgresConnectionSettings {
    /** Our own pool config, or the user's pool (never ended by us). */
    connection: {
        config: PoolConfig;
    } | {
        pool: Pool;
    };
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
    retention: {
        completedMs: number;
        failedMs: number;
        intervalMs: number;
    };
    reconnect: ResolvedReconnect;
}
/**
 * `connectionTimeoutMillis` of a pool nestjs-ack makes, unless its config sets one. pg's default (none)
 * lets a connection attempt that reaches a restarting server hang for good: seen taking the LISTEN
 * reconnect with it, so the server stayed `reconnecting` while claiming already worked again.
 */
export declare const CONNECT_TIMEOUT_MS = 5000;
export declare function resolveConnectionSettings(options: PostgresConnectionOptions | undefined): PostgresConnectionSettings;
/** Validates the transport options; every error names the option and what is allowed. */
export declare function resolvePostgresSettings(options: PostgresAckServerOptions, concurrency: number): PostgresServerSettings;
