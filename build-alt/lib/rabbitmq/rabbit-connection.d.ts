import { EventEmitter } from 'node:events';
import { type ChannelModel } from 'amqplib';
import { type ResolvedReconnect } from '../core/reconnect';
/** Longest a connection attempt (socket, AMQP handshake, then the set-up) may take before it counts as failed. */
export declare const CONNECT_TIMEOUT_MS = 10000;
/** What a `RabbitConnection` needs: where, how to back off, and what to set up on each connection. */
export interface RabbitConnectionOptions {
    urls: string[];
    reconnect: ResolvedReconnect;
    /**
     * Creates channels, declares topology and starts consuming on a fresh
     * connection. A failure closes that connection: at the first connect the
     * error is thrown, later it counts as a failed reconnect attempt.
     */
    setup(model: ChannelModel): Promise<void>;
    /** Called when the connection is gone, before reconnecting (drop channels here). */
    teardown(error?: Error): void;
}
/**
 * One AMQP connection that comes back by itself. Events: `connected`,
 * `disconnected` (error), `reconnecting` (attempt), `failed` (error, when
 * `maxAttempts` ran out). `close()` ends it for good.
 */
export declare class RabbitConnection extends EventEmitter {
    private readonly options;
    private model?;
    private closed;
    private wake?;
    private readyWaiters;
    constructor(options: RabbitConnectionOptions);
    /** The live connection, if any. */
    get current(): ChannelModel | undefined;
    get isClosed(): boolean;
    /** First connect: tries each URL once; throws (without credentials) when none works. */
    open(): Promise<void>;
    /** Resolves once connected (now or after a reconnect); rejects after `timeoutMs` or when closed. */
    whenConnected(timeoutMs: number): Promise<ChannelModel>;
    /** Drops the current connection (a channel broke or the consumer was cancelled); the reconnect loop takes over. */
    recycle(reason: string): void;
    /** Closes for good: no reconnect afterwards. */
    close(): Promise<void>;
    private connectOnce;
    private onLost;
    private reconnectLoop;
}
