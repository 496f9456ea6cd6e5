import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { Pool } from 'pg';
import { emitStatus } from '../core/nest-compat';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { POSTGRES_CLIENT_KEYS, type PostgresAckClientOptions, type Queryable } from './postgres-ack-client-options';
import { assertKnownKeys } from '../core/option-keys';
import { explainConnectError } from './postgres-connect-error';
import { PostgresListener } from './postgres-listener';
import { newReplyChannel, replyChannelPrefix } from './postgres-reply-channels';
import { createPostgresSchema } from './postgres-schema';
import { resolveConnectionSettings, type PostgresConnectionSettings } from './postgres-settings';
import { PostgresSql } from './postgres-sql';
import { parseReplyBody, PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';

/**
 * Publishes to a `PostgresAckServer`: `emit()` inserts a PENDING row (and
 * NOTIFYs idle consumers), `emitIn(tx, ...)` inserts it inside your own
 * transaction so the message exists only if that transaction commits, and
 * `send()` waits for the reply row the server writes to `<table>_replies`.
 * Wire format is Nest's: body `{ pattern, data, id }`.
 */
export class PostgresAckClient extends ClientProxy {
  private readonly settings: PostgresConnectionSettings;
  private readonly sql: PostgresSql;
  private readonly reconnectOptions: ResolvedReconnect;
  /** This client's reply channel (a NOTIFY channel name): `replyChannelPrefix` and 16 random hex digits. */
  private readonly replyChannel: string;
  private readonly pending = new PendingRequests();
  private pool?: Pool;
  private connecting?: Promise<Pool>;
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

  connect(): Promise<Pool> {
    this.connecting ??= this.open().catch((error) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const { pool, listener } = this;
    this.pool = undefined;
    this.connecting = undefined;
    this.listener = undefined;
    this.pending.failAll('the client was closed before the reply arrived');
    await listener?.then((l) => l.close(), () => undefined);
    if (pool && 'config' in this.settings.connection) await pool.end();
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
    return this.insert(db, { pattern, data }, headers);
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const unsubscribe = this.pending.add(packet.id, callback);
    (async () => {
      const pool = await this.connect();
      await this.replies();
      await this.insert(pool, packet, {}, this.replyChannel, packet.id);
    })().catch((err) => {
      this.pending.fail(packet.id, err);
    });
    return unsubscribe;
  }

  protected async dispatchEvent<T = any>(packet: ReadPacket): Promise<T> {
    await this.insert(await this.connect(), packet, {});
    return undefined as T;
  }

  private async open(): Promise<Pool> {
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
    emitStatus(this, 'connected');
    return pool;
  }

  private insert(db: Queryable, packet: ReadPacket & { id?: string }, headers: Record<string, string>, replyTo?: string, correlationId?: string): Promise<string> {
    const info = { transport: 'postgres', destination: this.settings.queue, pattern: this.normalizePattern(packet.pattern), request: replyTo !== undefined };
    return observePublish(info, (trace) => this.insertRow(db, packet, trace ? { ...headers, ...trace } : headers, replyTo, correlationId));
  }

  private async insertRow(db: Queryable, packet: ReadPacket & { id?: string }, headers: Record<string, string>, replyTo?: string, correlationId?: string): Promise<string> {
    const { options, ...serialized } = this.serializer.serialize(packet) as Record<string, any>;
    const allHeaders = { ...this.options.headers, ...options?.headers, ...headers };
    const { rows } = await db.query(this.sql.insert, [
      this.settings.queue,
      this.normalizePattern(packet.pattern),
      Buffer.from(JSON.stringify(serialized)),
      JSON.stringify(allHeaders),
      replyTo ?? null,
      correlationId ?? null,
      this.sql.channel,
    ]);
    return String(rows[0].id);
  }

  /** Listens on this client's reply channel, once. */
  private replies(): Promise<PostgresListener> {
    this.listener ??= (async () => {
      const pool = await this.connect();
      const listener = new PostgresListener(pool, [this.replyChannel], {
        // Anyone connected may NOTIFY this channel: the payload is taken only as a reply id filed for this channel.
        notified: (_channel, payload) => {
          if (payload !== undefined && /^[0-9]{1,19}$/.test(payload)) void this.takeReplies(this.sql.takeReply, [payload, this.replyChannel]);
        },
        // Replies written while the connection was down were not notified: collect them now.
        connected: () => void this.takeReplies(this.sql.takeRepliesOf, [this.replyChannel]),
        disconnected: () => emitStatus(this, 'disconnected'),
        reconnecting: () => emitStatus(this, 'reconnecting'),
        failed: () => this.pending.failAll('the reply connection could not be re-established'),
      }, this.reconnectOptions);
      await listener.open();
      return listener;
    })().catch((error) => {
      this.listener = undefined;
      throw error;
    });
    return this.listener;
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

  private async onReply(id: string, body: Buffer): Promise<void> {
    if (!this.pending.has(id)) return;
    const { err, response, isDisposed } = await this.deserializer.deserialize(parseReplyBody(body));
    this.pending.deliver(id, { err, response, isDisposed });
  }
}
