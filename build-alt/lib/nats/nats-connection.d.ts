import { type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
/**
 * Connects with the user's options (auth, TLS... passed through untouched and
 * never logged) over our defaults: reconnect forever, the client's own backoff.
 */
export declare function connectNats(servers: string[], options: Omit<ConnectionOptions, 'servers'>): Promise<NatsConnection>;
/** What the connection's status events mean for the owner. */
export interface NatsStatusHooks {
    disconnected(server: string): void;
    reconnecting(attempt: number): void;
    reconnected(server: string): void;
    error(error: Error): void;
    /** The client gave up reconnecting (or was closed by someone else). */
    closed(): void;
}
/** Maps the client's status stream to `hooks` until the connection closes. */
export declare function watchStatus(connection: NatsConnection, hooks: NatsStatusHooks): Promise<void>;
