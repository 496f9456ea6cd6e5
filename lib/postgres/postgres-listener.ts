import type { Notification, Pool, PoolClient } from 'pg';
import { reconnectLoop, type ResolvedReconnect } from '../core/reconnect';
import { ConnectionClosedError } from '../core/errors';
import { quoteIdent } from './postgres-sql';

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
export class PostgresListener {
  private client?: { connection: PoolClient; drop(): void };
  private closed = false;
  private reconnecting?: { wake(): void };

  constructor(
    private readonly pool: Pool,
    private readonly channels: string[],
    private readonly hooks: ListenerHooks,
    private readonly reconnect: ResolvedReconnect,
  ) {}

  /** Connects and listens; rejects when the first attempt fails. */
  async open(): Promise<void> {
    await this.listen();
    this.hooks.connected();
  }

  /** Cuts the wait before the next reconnect attempt short (the database is known to answer again). */
  retryNow(): void {
    this.reconnecting?.wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reconnecting?.wake();
    this.client?.drop();
    this.client = undefined;
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    if (this.closed) {
      client.release(true);
      return;
    }
    let lost = false;
    let listening = false;
    const drop = () => {
      if (lost) return false;
      lost = true;
      client.removeListener('notification', onNotification);
      if (this.client?.connection === client) this.client = undefined;
      client.release(true);
      return true;
    };
    const onLost = (error: Error) => {
      if (!drop()) return;
      // A failure while setting up is the attempt's failure, reported by the caller.
      if (listening && !this.closed) this.onLost(error);
    };
    const onNotification = (message: Notification) => this.hooks.notified(message.channel, message.payload);
    client.on('error', onLost);
    client.on('end', () => onLost(new ConnectionClosedError('the LISTEN connection ended')));
    client.on('notification', onNotification);
    try {
      for (const channel of this.channels) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (error) {
      onLost(error as Error);
      throw error;
    }
    if (lost) throw new ConnectionClosedError('the LISTEN connection ended while listening');
    if (this.closed) {
      // close() ran while LISTEN was on the wire: nobody else will release this connection, and the pool's end() waits for it.
      drop();
      return;
    }
    listening = true;
    this.client = { connection: client, drop };
  }

  private onLost(error: Error): void {
    this.hooks.disconnected(error);
    let lastError = error;
    const loop = reconnectLoop(this.reconnect, {
      connect: () => this.listen(),
      isClosed: () => this.closed,
      onAttempt: (attempt) => this.hooks.reconnecting(attempt),
      onAttemptFailed: (e) => (lastError = e as Error),
    });
    this.reconnecting = loop;
    void loop.done.then((connected) => {
      this.reconnecting = undefined;
      if (connected && !this.closed) this.hooks.connected();
      else if (!this.closed) this.hooks.failed(lastError);
    });
  }
}
