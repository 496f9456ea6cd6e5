import type { ReadPacket } from '@nestjs/microservices';
import { Pool } from 'pg';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import { ConnectionClosedError } from '../core/errors';
import { assertKnownKeys } from '../core/option-keys';
import { parseReplyBody } from '../core/pending-requests';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { observePublish } from '../core/telemetry-hooks';
import { POSTGRES_CLIENT_KEYS, type PostgresAckClientOptions, type Queryable } from './postgres-ack-client-options';
import { explainConnectError } from './postgres-connect-error';
import { PostgresListener } from './postgres-listener';
import { newReplyChannel, replyChannelPrefix } from './postgres-reply-channels';
import { createPostgresSchema } from './postgres-schema';
import { resolveConnectionSettings, type PostgresConnectionSettings } from './postgres-settings';
import { PostgresSql } from './postgres-sql';

/** A reply id in a NOTIFY payload: anyone connected may NOTIFY a channel, so nothing else is taken. */
const REPLY_ID = /^[0-9]{1,19}$/;

/**
 * Publishes to a `PostgresAckServer`: `emit()` inserts a PENDING row (and
 * NOTIFYs idle consumers), `emitIn(tx, ...)` inserts it inside your own
 * transaction so the message exists only if that transaction commits, and
 * `send()` waits for the reply row the server writes to `<table>_replies`.
 * Wire format is Nest's: body `{ pattern, data, id }`.
 */
export class PostgresAckClient extends AckClient {
  protected readonly transport = 'postgres';
  private readonly settings: PostgresConnectionSettings;
  private readonly sql: PostgresSql;
  private readonly reconnectOptions: ResolvedReconnect;
  /** This client's reply channel (a NOTIFY channel name): `replyChannelPrefix` and 16 random hex digits. */
  private readonly replyChannel: string;
  private pool?: Pool;
  private listener?: Promise<PostgresListener>;

  constructor(private readonly options: PostgresAckClientOptions = {}) {
    super();
    assertKnownKeys(options, POSTGRES_CLIENT_KEYS, 'PostgresAckClient');
    this.settings = resolveConnectionSettings(options);
    this.sql = new PostgresSql(this.settings.name);
    this.reconnectOptions = resolveReconnect(options.reconnect);
    this.replyChannel = newReplyChannel(replyChannelPrefix(options.replyChannelPrefix));
    this.initializeSerializer(options);
    this.initializeDeserializer(options);
  }

  /** The `pg.Pool` in use (undefined before connect). */
  unwrap<T>(): T {
    return this.pool as T;
  }

  /**
   * Publishes an event with `db`, typically a `PoolClient` inside your
   * transaction (`BEGIN` ... `COMMIT`): the row, and the NOTIFY that wakes
   * consumers, exist only once that transaction commits; a rollback leaves no
   * trace. Resolves with the row id.
   */
  async emitIn(db: Queryable, pattern: unknown, data: unknown, headers: Record<string, string> = {}): Promise<string> {
    const packet: ReadPacket = { pattern, data };
    const info = { transport: this.transport, destination: this.settings.queue, pattern: this.normalizePattern(packet.pattern), request: false };
    return observePublish(info, (trace) => this.insert(db, packet, { ...this.options.headers, ...headers }, trace));
  }

  protected destinationOf(): string {
    return this.settings.queue;
  }

  protected async open(): Promise<void> {
    const { connection } = this.settings;
    const pool = 'pool' in connection ? connection.pool : new Pool(connection.config);
    if ('config' in connection) pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it
    try {
      if (this.settings.createSchema) await createPostgresSchema(pool, this.sql);
    } catch (error) {
      if ('config' in connection) await pool.end().catch(() => undefined);
      throw explainConnectError(error);
    }
    this.pool = pool;
    this.reportStatus('connected');
  }

  protected async disconnect(): Promise<void> {
    const { pool, listener } = this;
    this.pool = undefined;
    this.listener = undefined;
    await listener?.then((l) => l.close(), () => undefined);
    if (pool && 'config' in this.settings.connection) await pool.end();
  }

  /** A request's row carries this client's reply channel and the request id (its correlation id). */
  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    await this.insert(this.connectedPool, packet, this.options.headers, trace, request ? { replyTo: this.replyChannel, correlationId: packet.id } : undefined);
  }

  protected override async listenForReplies(): Promise<void> {
    await (this.listener ??= this.listenOnReplyChannel().catch((error) => {
      this.listener = undefined;
      throw error;
    }));
  }

  private get connectedPool(): Pool {
    if (!this.pool) throw new ConnectionClosedError('the client is closed');
    return this.pool;
  }

  private async insert(db: Queryable, packet: ReadPacket, headers: Record<string, string> | undefined, trace: Record<string, string> | undefined, reply?: { replyTo: string; correlationId?: string }): Promise<string> {
    const { body, headers: allHeaders } = this.encodePacket(packet, headers, trace);
    const { rows } = await db.query(this.sql.insert, [
      this.settings.queue,
      this.normalizePattern(packet.pattern),
      Buffer.from(body),
      JSON.stringify(allHeaders),
      reply?.replyTo ?? null,
      reply?.correlationId ?? null,
      this.sql.channel,
    ]);
    return String(rows[0].id);
  }

  /** Listens on this client's reply channel (replies are rows filed under it, announced by NOTIFY). */
  private async listenOnReplyChannel(): Promise<PostgresListener> {
    const listener = new PostgresListener(this.connectedPool, [this.replyChannel], {
      notified: (_channel, payload) => {
        if (payload !== undefined && REPLY_ID.test(payload)) void this.takeReplies(this.sql.takeReply, [payload, this.replyChannel]);
      },
      // Replies written while the connection was down were not notified: collect them now.
      connected: () => void this.takeReplies(this.sql.takeRepliesOf, [this.replyChannel]),
      disconnected: () => this.reportStatus('disconnected'),
      reconnecting: () => this.reportStatus('reconnecting'),
      failed: () => this.pending.failAll('the reply connection could not be re-established'),
    }, this.reconnectOptions);
    await listener.open();
    return listener;
  }

  private async takeReplies(statement: string, values: string[]): Promise<void> {
    if (!this.pool) return;
    try {
      const { rows } = await this.pool.query<{ correlation_id: string; body: Buffer }>(statement, values);
      for (const row of rows) await this.onReply(row.correlation_id, row.body);
    } catch {
      // The pool is down: the reply row stays; the listener's reconnect collects it.
    }
  }

  /** The row's correlation id names the request (the row was filed under this client's channel), not an id in the body. */
  private async onReply(id: string, body: Buffer): Promise<void> {
    if (!this.pending.has(id)) return;
    const { err, response, isDisposed } = await this.deserializer.deserialize(parseReplyBody(body));
    this.pending.deliver(id, { err, response, isDisposed });
  }
}
