import { Pool } from 'pg';
import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import { asError, DeliveryGoneError } from '../core/errors';
import type { PostgresAckServerOptions } from './postgres-ack-server-options';
import { ClaimLoop } from './postgres-claim-loop';
import { DeliverySlots } from '../core/delivery-slots';
import { PostgresCommands } from './postgres-commands';
import { explainConnectError } from './postgres-connect-error';
import { postgresAddress } from './postgres-address';
import type { ResolvedReconnect } from '../core/reconnect';
import { PostgresAckContext } from './postgres-context';
import { probePostgres } from './postgres-health';
import { PostgresListener } from './postgres-listener';
import { PostgresReplies } from './postgres-replies';
import { PostgresRetention } from './postgres-retention';
import { toPostgresMessage, type ClaimedRow, type PostgresMessage } from './postgres-message';
import { createPostgresSchema } from './postgres-schema';
import { resolvePostgresSettings, type PostgresServerSettings } from './postgres-settings';
import { PostgresSql } from './postgres-sql';

/** Identifies this transport to Nest's processing hooks. */
export const POSTGRES_TRANSPORT = Symbol.for('nestjs-ack.postgres');

/**
 * A NestJS microservice transport on a PostgreSQL table with the nestjs-ack
 * contract: rows are claimed in batches with `FOR UPDATE SKIP LOCKED` and
 * leased; ack marks a row COMPLETED, nack RETRYABLE at `next_attempt_at`,
 * reject FAILED (the dead letter) with reason and error. `LISTEN/NOTIFY`
 * wakes idle consumers, with polling as the fallback.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new PostgresAckServer({ connection: process.env.DATABASE_URL, queue: 'orders', createSchema: true }),
 * });
 * ```
 */
export class PostgresAckServer extends AckServer<PostgresMessage> {
  /** The checked transport options. */
  readonly brokerSettings: PostgresServerSettings;
  protected readonly commands: PostgresCommands;
  protected override readonly contextType = PostgresAckContext;
  protected override readonly replies: PostgresReplies;
  private readonly sql: PostgresSql;
  private readonly loop: ClaimLoop<ClaimedRow>;
  private pool?: Pool;
  private listener?: PostgresListener;
  private readonly retention: PostgresRetention;
  private claimFailing = false;

  constructor(options: PostgresAckServerOptions) {
    super(options ?? {}, POSTGRES_TRANSPORT);
    this.brokerSettings = resolvePostgresSettings(options ?? {}, this.settings.concurrency);
    this.sql = new PostgresSql(this.brokerSettings.name);
    this.replies = new PostgresReplies(options?.replyAddresses, this.sql, () => this.connectedPool);
    this.retention = new PostgresRetention(this.brokerSettings, this.sql, () => this.pool, (error) => this.reportError(asError(error), 'retention: could not delete settled rows'));
    this.commands = new PostgresCommands(() => this.connectedPool, this.sql, this.brokerSettings, (delayMs) => this.loop.wakeIn(delayMs));
    this.loop = new ClaimLoop<ClaimedRow>(
      {
        claim: (limit) => this.claim(limit),
        deliver: (row) => this.handleMessage(toPostgresMessage(row, this.brokerSettings.queue, { pool: this.connectedPool, sql: this.sql })),
        release: (rows) => this.release(rows),
        onError: (error) => this.onClaimError(error),
      },
      new DeliverySlots(this.settings.concurrency),
      this.brokerSettings.batchSize,
      this.brokerSettings.pollIntervalMs,
    );
  }

  /** The `pg.Pool` in use (undefined before start and after close). */
  override unwrap<T>(): T {
    return this.pool as T;
  }

  /** Connected (the pool answered), consuming (the claim loop runs), and the queue's claimable rows (`backlog`). */
  override probeHealth(): Promise<BrokerHealth> {
    return probePostgres({ queue: this.brokerSettings.queue, sql: this.sql, state: this.currentStatus, pool: this.pool, consuming: this.loop.isRunning && !this.isClosing });
  }

  protected override startTarget(): { broker: string; address: string } {
    return { broker: 'PostgreSQL', address: postgresAddress(this.brokerSettings.connection) };
  }

  protected override get startBackoff(): ResolvedReconnect {
    return this.brokerSettings.reconnect;
  }

  protected async start(): Promise<void> {
    const { connection, queue } = this.brokerSettings;
    this.pool = 'pool' in connection ? connection.pool : new Pool(connection.config);
    if ('config' in connection) this.pool.on('error', (error) => this.reportError(error, 'PostgreSQL idle connection'));
    if (this.brokerSettings.createSchema) await this.unlessClosed(createPostgresSchema(this.pool, this.sql).catch((error) => Promise.reject(explainConnectError(error))));
    this.throwIfClosing();
    const listener = new PostgresListener(this.pool, [this.sql.channel], {
      notified: (_channel, payload) => {
        if (payload === queue) this.loop.wake();
      },
      connected: () => {
        this.connectionStatus.up();
        this.loop.wake(); // publishes notified while we were away
      },
      disconnected: (error) => this.connectionStatus.down(error, `PostgreSQL LISTEN connection lost: ${error.message}; polling every ${this.brokerSettings.pollIntervalMs} ms while reconnecting`),
      reconnecting: (attempt) => this.connectionStatus.retrying(attempt),
      failed: (error) => this.connectionStatus.gaveUp(error, 'PostgreSQL LISTEN connection gave up reconnecting; polling only'),
    }, this.brokerSettings.reconnect);
    this.listener = listener;
    await this.unlessClosed(listener.open().catch((error) => Promise.reject(explainConnectError(error))));
    this.throwIfClosing();
    this.loop.start();
    this.retention.start();
  }

  protected async stopReceiving(): Promise<void> {
    await this.loop.stop();
  }

  protected async disconnect(): Promise<void> {
    await this.loop.stop();
    this.retention.stop();
    await this.listener?.close();
    this.listener = undefined;
    const pool = this.pool;
    this.pool = undefined;
    if (pool && 'config' in this.brokerSettings.connection) await pool.end().catch((error) => this.reportError(asError(error), 'could not end the PostgreSQL pool'));
  }

  private get connectedPool(): Pool {
    if (!this.pool) throw new DeliveryGoneError('the server closed its PostgreSQL pool');
    return this.pool;
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const { rows } = await this.connectedPool.query<ClaimedRow>(this.sql.claim, [this.brokerSettings.queue, limit, this.brokerSettings.leaseMs, this.claimByteLimit]);
    if (this.claimFailing) {
      this.claimFailing = false;
      this.logger.log('claiming works again');
      // The database answers again: the LISTEN reconnect tries now instead of after its backoff.
      this.listener?.retryNow();
    }
    // RETURNING has no order: deliver oldest first.
    return rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  }

  /** `maxMessageBytes` as the claim's bigint parameter (unlimited: the largest exact integer). */
  private get claimByteLimit(): number {
    const max = this.settings.maxMessageBytes;
    return Number.isFinite(max) ? Math.floor(max) : Number.MAX_SAFE_INTEGER;
  }

  private async release(rows: ClaimedRow[]): Promise<void> {
    await this.pool?.query(this.sql.release, [rows.map((row) => row.id)]);
  }

  /** Logged once per outage; every failure is an `error` event. */
  private onClaimError(error: unknown): void {
    this.reportError(asError(error), 'could not claim rows', !this.claimFailing);
    this.claimFailing = true;
  }
}
