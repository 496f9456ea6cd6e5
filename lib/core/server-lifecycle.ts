import { EventEmitter } from 'node:events';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import { Logger, type LoggerService } from '@nestjs/common';
import { asError, ClosedDuringStartError, UnwrapNotSupportedError } from './errors';
import { DEFAULT_RECONNECT, type ResolvedReconnect } from './reconnect';
import { isUnreachable, startAttempts } from './start-attempts';
import { emitStatus, setTransportId } from './nest-compat';
import { ConnectionStatus } from './connection-status';
import type { BrokerHealth } from './broker-health';
import type { AckServerEvents, AckServerStatus } from './settlement-event';

/**
 * Start and close of every nestjs-ack server, with the rule that a `close()`
 * during `listen()` cancels the start: `listen()` rejects with
 * `ClosedDuringStartError`, the start stops at its next step, and `close()`
 * resolves only once everything the start opened is closed again.
 */
export abstract class AckServerLifecycle extends Server<AckServerEvents, AckServerStatus> implements CustomTransportStrategy {
  /** This transport awaits event handlers itself, so Nest must not report their errors twice (Nest >= 12 reads it; see nest-compat.ts). */
  readonly propagatesEventHandlerErrors = true;
  protected readonly events = new EventEmitter();
  private readonly closeRequested = new AbortController();
  /** Aborted when the start gave up (`startTimeoutMs`) during an attempt: that attempt stops as after a close. */
  private readonly startGivenUp = new AbortController();
  private readonly startSignal = AbortSignal.any([this.closeRequested.signal, this.startGivenUp.signal]);
  private starting?: Promise<void>;
  private closing?: Promise<void>;
  private lastStatus: AckServerStatus = 'closed';
  /** The broker folder reports its driver's connection events here: the only way a server's status changes after its start. */
  protected readonly connectionStatus = new ConnectionStatus({
    setStatus: (status) => this.setStatus(status),
    emit: (event, ...args) => this.events.emit(event, ...args),
    warn: (text) => this.logger.warn(text),
    reportError: (error, what) => this.reportError(error, what),
    isClosing: () => this.isClosing,
  });
  /** Logs under the transport's class name (`RabbitAckServer`, or `RabbitAckServer:orders` with the option `name`), not Nest's `Server`. */
  protected override readonly logger: LoggerService;

  protected constructor(transportId: symbol, name?: string) {
    super();
    this.logger = new Logger(name ? `${new.target.name}:${name}` : new.target.name);
    setTransportId(this, transportId);
    // An 'error' event without listeners would throw; errors are logged instead.
    this.events.on('error', () => undefined);
  }

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
  /** How long the start keeps trying to reach the broker (`startTimeoutMs`). */
  protected abstract get startTimeoutMs(): number;

  /**
   * The broker and its redacted address, for the start-up attempts' logs and
   * `BrokerUnavailableError`. Undefined (the default): the start is tried once.
   */
  protected startTarget(): { broker: string; address: string } | undefined {
    return undefined;
  }

  /** The wait between start attempts (the transport's reconnect backoff). */
  protected get startBackoff(): ResolvedReconnect {
    return DEFAULT_RECONNECT;
  }

  /** Whether a failed start is worth another attempt: the broker could not be reached. */
  protected isStartRetryable(error: unknown): boolean {
    return isUnreachable(error);
  }

  listen(callback: (error?: unknown) => void): void {
    this.starting = this.startUnlessClosed();
    this.starting.then(
      () => callback(),
      (error) => callback(error),
    );
  }

  /** Stops intake, lets in-flight handlers finish within `shutdownTimeoutMs`, settles them, closes. */
  close(): Promise<void> {
    this.closing ??= this.closeAfterStart();
    return this.closing;
  }

  on<K extends keyof AckServerEvents>(event: K, callback: AckServerEvents[K]): this {
    this.events.on(event as string, callback);
    return this;
  }

  unwrap<T>(): T {
    throw new UnwrapNotSupportedError('this server has no single underlying client; see the broker server\'s own accessors');
  }

  /** The last lifecycle status, also on Nest 10 (which has no `status` stream). `closed` before `listen()`. */
  get currentStatus(): AckServerStatus {
    return this.lastStatus;
  }

  /**
   * Asks the broker whether this server is connected and consuming, and how many messages wait
   * for it. No time limit of its own: a broker that does not answer leaves it pending, so callers
   * bound it (the health indicator of `nestjs-ack/health` does). Each transport overrides it; this
   * default reads only the lifecycle status.
   */
  async probeHealth(): Promise<BrokerHealth> {
    const up = this.lastStatus === 'connected';
    return { transport: 'unknown', state: this.lastStatus, connected: up, consuming: up };
  }

  /** Whether `close()` was called. */
  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  /** Aborted when `close()` is called (or the start gave up): pass it to waits of the start. */
  protected get closeSignal(): AbortSignal {
    return this.startSignal;
  }

  /** Resolves with `promise`, or rejects with `ClosedDuringStartError` as soon as `close()` is called (or the start gave up). */
  protected unlessClosed<T>(promise: Promise<T>): Promise<T> {
    const signal = this.startSignal;
    if (signal.aborted) return Promise.reject(new ClosedDuringStartError());
    return new Promise<T>((resolve, reject) => {
      const onClose = () => reject(new ClosedDuringStartError());
      signal.addEventListener('abort', onClose, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onClose));
    });
  }

  /** Throws `ClosedDuringStartError` when `close()` was called (or the start gave up): a start checks it after each step. */
  protected throwIfClosing(): void {
    if (this.startSignal.aborted) throw new ClosedDuringStartError();
  }

  private setStatus(status: AckServerStatus): void {
    this.lastStatus = status;
    emitStatus(this, status);
  }

  /** Reports a broker error without stopping the server: an `error` event, and a log line unless `log` is false. */
  protected reportError(error: Error, what: string, log = true): void {
    if (log) this.logger.error(`${what}: ${error.message}`);
    this.events.emit('error', error);
  }

  private async startUnlessClosed(): Promise<void> {
    this.setStatus('connecting');
    try {
      this.checkBeforeStart();
      await this.startWithAttempts();
      this.throwIfClosing();
    } catch (error) {
      // Nothing of a failed or cancelled start stays open.
      await this.disconnect().catch((e) => this.reportError(asError(e), 'could not close after a failed start'));
      throw this.isClosing ? new ClosedDuringStartError() : error;
    }
    this.setStatus('connected');
    this.connectionStatus.started();
  }

  /** `start()`, tried again with backoff while the broker does not answer (see start-attempts.ts). */
  private startWithAttempts(): Promise<void> {
    const target = this.startTarget();
    if (!target) return this.start();
    return startAttempts(() => this.start(), {
      ...target,
      timeoutMs: this.startTimeoutMs,
      backoff: this.startBackoff,
      signal: this.closeRequested.signal,
      warn: (text) => this.logger.warn(text),
      retryable: (error) => this.isStartRetryable(error),
      cleanUp: () => this.disconnect(),
      cancelAttempt: () => this.startGivenUp.abort(),
      abandon: () => void this.disconnect().catch(() => undefined),
    });
  }

  private async closeAfterStart(): Promise<void> {
    this.closeRequested.abort();
    this.setStatus('closing');
    if (this.starting) {
      const started = await this.starting.then(() => true, () => false);
      if (!started) {
        this.setStatus('closed');
        return; // the failed start closed what it had opened
      }
    }
    await this.stopReceiving().catch((error) => this.reportError(asError(error), 'could not stop receiving'));
    await this.drain(this.shutdownTimeoutMs);
    await this.disconnect();
    this.setStatus('closed');
  }
}
