import type { Pool } from 'pg';
import { type ResolvedReconnect } from '../core/reconnect';
/** What a listener reports to its owner. */
export interface ListenerHooks {
    notified(channel: string, payload: string | undefined): void;
    /** Listening (again): notifications sent while it was down are lost, the owner catches up. */
    connected(): void;
    disconnected(error: Error): void;
    reconnecting(attempt: number): void;
    /** The reconnect attempts ran out. */
    failed(error: Error): void;
}
/**
 * One connection of the pool kept for `LISTEN` (a pooled connection cannot
 * listen: it is handed to others between queries), reconnected with backoff
 * when it drops.
 */
export declare class PostgresListener {
    private readonly pool;
    private readonly channels;
    private readonly hooks;
    private readonly reconnect;
    private client?;
    private closed;
    private reconnecting?;
    constructor(pool: Pool, channels: string[], hooks: ListenerHooks, reconnect: ResolvedReconnect);
    /** Connects and listens; rejects when the first attempt fails. */
    open(): Promise<void>;
    /** Cuts the wait before the next reconnect attempt short (the database is known to answer again). */
    retryNow(): void;
    close(): Promise<void>;
    private listen;
    private onLost;
}
