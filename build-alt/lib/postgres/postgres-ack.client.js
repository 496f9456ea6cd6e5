"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const microservices_1 = require("@nestjs/microservices");
const pg_1 = require("pg");
const nest_compat_1 = require("../core/nest-compat");
const reconnect_1 = require("../core/reconnect");
const postgres_listener_1 = require("./postgres-listener");
const postgres_schema_1 = require("./postgres-schema");
const postgres_settings_1 = require("./postgres-settings");
const postgres_sql_1 = require("./postgres-sql");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
/**
 * Publishes to a `PostgresAckServer`: `emit()` inserts a PENDING row (and
 * NOTIFYs idle consumers), `emitIn(tx, ...)` inserts it inside your own
 * transaction so the message exists only if that transaction commits, and
 * `send()` waits for the reply row the server writes to `<table>_replies`.
 * Wire format is Nest's: body `{ pattern, data, id }`.
 */
class PostgresAckClient extends microservices_1.ClientProxy {
    options;
    settings;
    sql;
    reconnectOptions;
    /** This client's reply channel (a NOTIFY channel name). */
    replyChannel = `nestjs_ack_reply_${(0, node_crypto_1.randomBytes)(8).toString('hex')}`;
    pending = new pending_requests_1.PendingRequests();
    pool;
    connecting;
    listener;
    constructor(options = {}) {
        super();
        this.options = options;
        this.settings = (0, postgres_settings_1.resolveConnectionSettings)(options);
        this.sql = new postgres_sql_1.PostgresSql(this.settings.name);
        this.reconnectOptions = (0, reconnect_1.resolveReconnect)(options.reconnect);
        this.initializeSerializer(options);
        this.initializeDeserializer(options);
    }
    connect() {
        this.connecting ??= this.open().catch((error) => {
            this.connecting = undefined;
            throw error;
        });
        return this.connecting;
    }
    async close() {
        const { pool, listener } = this;
        this.pool = undefined;
        this.connecting = undefined;
        this.listener = undefined;
        this.pending.failAll('the client was closed before the reply arrived');
        await listener?.then((l) => l.close(), () => undefined);
        if (pool && 'config' in this.settings.connection)
            await pool.end();
    }
    /** The `pg.Pool` in use (undefined before connect). */
    unwrap() {
        return this.pool;
    }
    /**
     * Publishes an event with `db`, typically a `PoolClient` inside your
     * transaction (`BEGIN` ... `COMMIT`): the row, and the NOTIFY that wakes
     * consumers, exist only once that transaction commits; a rollback leaves no
     * trace. Resolves with the row id.
     */
    async emitIn(db, pattern, data, headers = {}) {
        return this.insert(db, { pattern, data }, headers);
    }
    publish(partial, callback) {
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
    async dispatchEvent(packet) {
        await this.insert(await this.connect(), packet, {});
        return undefined;
    }
    async open() {
        const { connection } = this.settings;
        const pool = 'pool' in connection ? connection.pool : new pg_1.Pool(connection.config);
        if ('config' in connection)
            pool.on('error', () => undefined); // an idle connection dropped: the pool replaces it
        try {
            if (this.settings.createSchema)
                await (0, postgres_schema_1.createPostgresSchema)(pool, this.sql);
        }
        catch (error) {
            if ('config' in connection)
                await pool.end().catch(() => undefined);
            throw error;
        }
        this.pool = pool;
        (0, nest_compat_1.emitStatus)(this, 'connected');
        return pool;
    }
    insert(db, packet, headers, replyTo, correlationId) {
        const info = { transport: 'postgres', destination: this.settings.queue, pattern: this.normalizePattern(packet.pattern), request: replyTo !== undefined };
        return (0, telemetry_hooks_1.observePublish)(info, (trace) => this.insertRow(db, packet, trace ? { ...headers, ...trace } : headers, replyTo, correlationId));
    }
    async insertRow(db, packet, headers, replyTo, correlationId) {
        const { options, ...serialized } = this.serializer.serialize(packet);
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
    replies() {
        this.listener ??= (async () => {
            const pool = await this.connect();
            const listener = new postgres_listener_1.PostgresListener(pool, [this.replyChannel], {
                notified: (_channel, payload) => void this.takeReplies(this.sql.takeReply, payload),
                // Replies written while the connection was down were not notified: collect them now.
                connected: () => void this.takeReplies(this.sql.takeRepliesOf, this.replyChannel),
                disconnected: () => (0, nest_compat_1.emitStatus)(this, 'disconnected'),
                reconnecting: () => (0, nest_compat_1.emitStatus)(this, 'reconnecting'),
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
    async takeReplies(statement, value) {
        if (!this.pool || value === undefined)
            return;
        try {
            const { rows } = await this.pool.query(statement, [value]);
            for (const row of rows)
                await this.onReply(row.correlation_id, row.body);
        }
        catch {
            // The pool is down: the reply row stays; the listener's reconnect collects it.
        }
    }
    async onReply(id, body) {
        if (!this.pending.has(id))
            return;
        const { err, response, isDisposed } = await this.deserializer.deserialize((0, pending_requests_1.parseReplyBody)(body));
        this.pending.deliver(id, { err, response, isDisposed });
    }
}
exports.PostgresAckClient = PostgresAckClient;
//# sourceMappingURL=postgres-ack.client.js.map