import { EventEmitter } from 'node:events';
import { connect, type ChannelModel } from 'amqplib';
import { AckError, AckTimeoutError, asError, BrokerConfigurationError, BrokerError, ConnectFailedError, ConnectionClosedError } from '../core/errors';
import { isUnreachable } from '../core/start-attempts';
import { reconnectLoop, type ResolvedReconnect } from '../core/reconnect';
import { redactUrl } from '../core/redact-url';
import { withTimeout } from '../core/with-timeout';
import { describeConnectError } from './rabbit-connect-error';
import { RabbitSetupFailedError } from './rabbit-errors';
import type { RabbitSocketOptions } from './rabbit-security';

/** Longest a connection attempt (socket, AMQP handshake, then the set-up) may take before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 2_000;

/** Drops a connection without the AMQP close handshake. */
function destroySocket(model: ChannelModel): void {
  (model as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
}

/**
 * A broker that refused the login (403 ACCESS_REFUSED): a retry cannot change it.
 * amqplib reports a handshake the broker ended as a plain `Error` without a
 * code ("Handshake terminated by server: 403 (ACCESS-REFUSED) ..."): its text
 * is the only place the refusal shows.
 */
function loginRefusal(error: unknown, url: string): BrokerConfigurationError | undefined {
  if (error instanceof BrokerConfigurationError) return error;
  const text = asError(error).message;
  if (!/ACCESS[_-]REFUSED|403/.test(text) || !/handshake|login|auth/i.test(text)) return undefined;
  return new BrokerConfigurationError('RabbitMQ', `${redactUrl(url)} refused the login (${text}); check the user and password in urls and that the user may use the virtual host (rabbitmqctl set_permissions)`, { cause: error });
}

/** What a `RabbitConnection` needs: where, how to back off, and what to set up on each connection. */
export interface RabbitConnectionOptions {
  urls: string[];
  reconnect: ResolvedReconnect;
  /** TLS and SASL settings for every URL. @defaultValue none */
  socketOptions?: RabbitSocketOptions;
  /**
   * Creates channels, declares topology and starts consuming on a fresh
   * connection. A failure closes that connection: at the first connect the
   * error is thrown, later it counts as a failed reconnect attempt. `url` is
   * the one this connection went to.
   */
  setup(model: ChannelModel, url: string): Promise<void>;
  /** Called when the connection is gone, before reconnecting (drop channels here). */
  teardown(error?: Error): void;
}

/**
 * One AMQP connection that comes back by itself. Events: `connected`,
 * `disconnected` (error), `reconnecting` (attempt), `failed` (error, when
 * `maxAttempts` ran out). `close()` ends it for good.
 */
export class RabbitConnection extends EventEmitter {
  private model?: ChannelModel;
  private closed = false;
  private wake?: () => void;
  private readyWaiters: Array<() => void> = [];

  constructor(private readonly options: RabbitConnectionOptions) {
    super();
    this.on('error', () => undefined);
  }

  /** The live connection, if any. */
  get current(): ChannelModel | undefined {
    return this.model;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** First connect: tries each URL once; throws (without credentials) when none works. */
  async open(): Promise<void> {
    await this.connectOnce();
    this.emit('connected');
  }

  /** Resolves once connected (now or after a reconnect); rejects after `timeoutMs` or when closed. */
  async whenConnected(timeoutMs: number): Promise<ChannelModel> {
    if (this.model) return this.model;
    if (this.closed) throw new ConnectionClosedError('the RabbitMQ connection is closed');
    let timer: NodeJS.Timeout | undefined;
    let waiter: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        waiter = resolve;
        this.readyWaiters.push(resolve);
        timer = setTimeout(() => reject(new AckTimeoutError(`not connected to RabbitMQ within ${timeoutMs} ms`)), timeoutMs);
      });
    } finally {
      clearTimeout(timer);
      this.readyWaiters = this.readyWaiters.filter((w) => w !== waiter);
    }
    if (!this.model) throw new ConnectionClosedError('the RabbitMQ connection is closed');
    return this.model;
  }

  /** Drops the current connection (a channel broke or the consumer was cancelled); the reconnect loop takes over. */
  recycle(reason: string): void {
    const model = this.model;
    if (!model || this.closed) return;
    this.emit('error', new BrokerError(`reconnecting to RabbitMQ: ${reason}`));
    model.close().catch(() => undefined);
  }

  /** Closes for good: no reconnect afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    const model = this.model;
    this.model = undefined;
    for (const waiter of this.readyWaiters.splice(0)) waiter();
    if (model) {
      await model.close().catch(() => undefined);
      this.options.teardown();
    }
  }

  private async connectOnce(): Promise<void> {
    const failures: string[] = [];
    let lastError: unknown;
    for (const url of this.options.urls) {
      let model: ChannelModel | undefined;
      try {
        // A node still booting may accept the socket and never answer: without a bound the attempt, and
        // with it every reconnect, would wait forever. amqplib's timeout is socket inactivity until the
        // connection is open; the set-up (declarations, consume) gets the same bound.
        model = await connect(url, { ...this.options.socketOptions, timeout: CONNECT_TIMEOUT_MS });
        model.on('error', () => undefined); // followed by 'close', handled there
        if (this.closed) throw new ConnectionClosedError('closed while connecting');
        await withTimeout(this.options.setup(model, url), CONNECT_TIMEOUT_MS, `set-up not done within ${CONNECT_TIMEOUT_MS} ms`);
        if (this.closed) throw new ConnectionClosedError('closed while connecting');
      } catch (error) {
        // The broker may never answer the close of a connection it did not answer: bounded, then dropped.
        const opened = model;
        if (opened) await withTimeout(opened.close(), CLOSE_TIMEOUT_MS, 'close').catch(() => destroySocket(opened));
        const refusal = loginRefusal(error, url);
        if (refusal) throw refusal;
        // Connected, then refused during the set-up (a refused user-id, a declaration): that answer, not "could not connect".
        if (opened && !isUnreachable(error)) throw error instanceof AckError ? error : new RabbitSetupFailedError(`the set-up on ${redactUrl(url)} failed: ${asError(error).message}`, { cause: error });
        failures.push(`${redactUrl(url)}: ${describeConnectError(error)}`);
        lastError = error;
        continue;
      }
      this.model = model;
      model.once('close', (error?: Error) => this.onLost(model, error));
      for (const waiter of this.readyWaiters.splice(0)) waiter();
      return;
    }
    throw new ConnectFailedError(`could not connect to RabbitMQ (${failures.join('; ')})`, { cause: lastError });
  }

  private onLost(model: ChannelModel, error?: Error): void {
    if (this.model !== model) return;
    this.model = undefined;
    this.options.teardown(error);
    if (this.closed) return;
    this.emit('disconnected', error);
    void this.reconnectLoop();
  }

  private async reconnectLoop(): Promise<void> {
    const { reconnect } = this.options;
    const loop = reconnectLoop(reconnect, {
      connect: () => this.connectOnce(),
      isClosed: () => this.closed,
      onAttempt: (attempt) => this.emit('reconnecting', attempt),
      onAttemptFailed: (error) => this.emit('error', asError(error)),
    });
    this.wake = loop.wake;
    const connected = await loop.done;
    this.wake = undefined;
    if (connected && this.closed) {
      await this.model?.close().catch(() => undefined);
      return;
    }
    if (connected) this.emit('connected');
    else if (!this.closed) this.emit('failed', new ConnectionClosedError(`gave up reconnecting to RabbitMQ after ${reconnect.maxAttempts} attempts`));
  }
}
