import { EventEmitter } from 'node:events';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import type { BrokerHealth } from './broker-health';
import type { AckServerEvents, AckServerStatus } from './settlement-event';
/**
 * Start and close of every nestjs-ack server, with the rule that a `close()`
 * during `listen()` cancels the start: `listen()` rejects with
 * `ClosedDuringStartError`, the start stops at its next step, and `close()`
 * resolves only once everything the start opened is closed again.
 */
export declare abstract class AckServerLifecycle extends Server<AckServerEvents, AckServerStatus> implements CustomTransportStrategy {
    /** This transport awaits event handlers itself, so Nest must not report their errors twice (Nest >= 12 reads it; see nest-compat.ts). */
    readonly propagatesEventHandlerErrors = true;
    protected readonly events: EventEmitter<[never]>;
    private readonly closeRequested;
    private starting?;
    private closing?;
    private lastStatus;
    protected constructor(transportId: symbol);
    /** Connects and starts receiving. Checks `closeSignal` between steps (or uses `unlessClosed`). */
    protected abstract start(): Promise<void>;
    /** Stops taking new deliveries; in-flight ones may still be settled. */
    protected abstract stopReceiving(): Promise<void>;
    /** Flushes what the broker needs (commits) and closes every connection and timer. Idempotent: also called after a failed or cancelled start. */
    protected abstract disconnect(): Promise<void>;
    /** Waits up to `timeoutMs` for in-flight deliveries; what is still running then is left unsettled. */
    protected abstract drain(timeoutMs: number): Promise<void>;
    /** Checks made before connecting (handlers the transport cannot serve). Throws to refuse the start. */
    protected abstract checkBeforeStart(): void;
    protected abstract get shutdownTimeoutMs(): number;
    listen(callback: (error?: unknown) => void): void;
    /** Stops intake, lets in-flight handlers finish within `shutdownTimeoutMs`, settles them, closes. */
    close(): Promise<void>;
    on<K extends keyof AckServerEvents>(event: K, callback: AckServerEvents[K]): this;
    unwrap<T>(): T;
    /** The last lifecycle status, also on Nest 10 (which has no `status` stream). `closed` before `listen()`. */
    get currentStatus(): AckServerStatus;
    /**
     * Asks the broker whether this server is connected and consuming, and how many messages wait
     * for it. No time limit of its own: a broker that does not answer leaves it pending, so callers
     * bound it (the health indicator of `nestjs-ack/health` does). Each transport overrides it; this
     * default reads only the lifecycle status.
     */
    probeHealth(): Promise<BrokerHealth>;
    /** Whether `close()` was called. */
    get isClosing(): boolean;
    /** Aborted when `close()` is called: pass it to waits of the start. */
    protected get closeSignal(): AbortSignal;
    /** Resolves with `promise`, or rejects with `ClosedDuringStartError` as soon as `close()` is called. */
    protected unlessClosed<T>(promise: Promise<T>): Promise<T>;
    /** Throws `ClosedDuringStartError` when `close()` was called: a start checks it after each step. */
    protected throwIfClosing(): void;
    protected setStatus(status: AckServerStatus): void;
    /** Reports a broker error without stopping the server: an `error` event, and a log line unless `log` is false. */
    protected reportError(error: Error, what: string, log?: boolean): void;
    private startUnlessClosed;
    private closeAfterStart;
}
