import type { AckServerStatus } from './settlement-event';

/** Where a server's connection to its broker stands once it started. */
export type ConnectionState = 'up' | 'down' | 'retrying' | 'gave-up';

/** What `ConnectionStatus` reports to: the server's status, its events and its log. */
export interface ConnectionStatusSink {
  setStatus(status: AckServerStatus): void;
  emit(event: 'connected' | 'disconnected' | 'reconnecting', ...args: unknown[]): void;
  warn(text: string): void;
  reportError(error: Error, what: string): void;
  /** While closing, the server's own disconnect is not an outage. */
  isClosing(): boolean;
}

/**
 * A transport's connection status, reported one way on every broker: the
 * broker folder says what its driver saw (`up`, `down`, `retrying`,
 * `gaveUp`); this turns it into the server's status and events, one per
 * change (a driver that reports "closed" once per failed attempt still gives
 * one `disconnected`), and nothing while the server closes.
 */
export class ConnectionStatus {
  private state?: ConnectionState;

  constructor(private readonly sink: ConnectionStatusSink) {}

  /** The state last reported; undefined before the first connect. */
  get current(): ConnectionState | undefined {
    return this.state;
  }

  /** The start connected: the state is `up`, without an event (the start reports its own end). */
  started(): void {
    this.state ??= 'up';
  }

  /** Connected (also after a reconnect): status `connected`, event `connected`. */
  up(): void {
    if (this.sink.isClosing() || this.state === 'up') return;
    this.state = 'up';
    this.sink.setStatus('connected');
    this.sink.emit('connected');
  }

  /**
   * The connection was lost and the driver reconnects: status `disconnected`,
   * event `disconnected`, and `warning` in the log when given. Only the first
   * report of an outage counts; before the first connect the start's own attempts report.
   */
  down(error?: Error, warning?: string): void {
    if (this.sink.isClosing() || this.state !== 'up') return;
    this.state = 'down';
    if (warning) this.sink.warn(warning);
    this.sink.setStatus('disconnected');
    this.sink.emit('disconnected', error);
  }

  /** A reconnect attempt starts: status `reconnecting`, event `reconnecting` with the attempt (one per attempt). */
  retrying(attempt: number): void {
    if (this.sink.isClosing() || this.state === undefined || this.state === 'gave-up') return;
    this.state = 'retrying';
    this.sink.setStatus('reconnecting');
    this.sink.emit('reconnecting', attempt);
  }

  /** The driver stopped reconnecting: status `disconnected` and an `error` event (logged under `what`), once. */
  gaveUp(error: Error, what: string): void {
    if (this.sink.isClosing() || this.state === undefined || this.state === 'gave-up') return;
    this.state = 'gave-up';
    this.sink.setStatus('disconnected');
    this.sink.reportError(error, what);
  }
}
