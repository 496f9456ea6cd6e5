"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresAckServer = exports.POSTGRES_TRANSPORT = void 0;
const pg_1 = require("pg");
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const postgres_claim_loop_1 = require("./postgres-claim-loop");
const postgres_commands_1 = require("./postgres-commands");
const postgres_context_1 = require("./postgres-context");
const postgres_health_1 = require("./postgres-health");
const postgres_listener_1 = require("./postgres-listener");
const postgres_message_1 = require("./postgres-message");
const postgres_schema_1 = require("./postgres-schema");
const postgres_settings_1 = require("./postgres-settings");
const postgres_sql_1 = require("./postgres-sql");
/** Identifies this transport to Nest's processing hooks. */
exports.POSTGRES_TRANSPORT = Symbol.for('nestjs-ack.postgres');
/** Rows deleted per retention statement, so a large backlog never holds long locks. */
const PURGE_BATCH = 5000;
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
class PostgresAckServer extends ack_server_1.AckServer {
    /** The checked transport options. */
    brokerSettings;
    commands;
    contextType = postgres_context_1.PostgresAckContext;
    replies = { publishReply: (message, replyTo, packet) => this.publishReply(message, replyTo, packet) };
    sql;
    loop;
    pool;
    listener;
    retentionTimer;
    claimFailing = false;
    constructor(options) {
        super(options ?? {}, exports.POSTGRES_TRANSPORT);
        this.brokerSettings = (0, postgres_settings_1.resolvePostgresSettings)(options ?? {}, this.settings.concurrency);
        this.sql = new postgres_sql_1.PostgresSql(this.brokerSettings.name);
        this.commands = new postgres_commands_1.PostgresCommands(() => this.connectedPool, this.sql, this.brokerSettings, (delayMs) => this.loop.wakeIn(delayMs));
        this.loop = new postgres_claim_loop_1.ClaimLoop({
            claim: (limit) => this.claim(limit),
            deliver: (row) => this.handleMessage((0, postgres_message_1.toPostgresMessage)(row, this.brokerSettings.queue, { pool: this.connectedPool, sql: this.sql })),
            release: (rows) => this.release(rows),
            onError: (error) => this.onClaimError(error),
        }, this.settings.concurrency, this.brokerSettings.batchSize, this.brokerSettings.pollIntervalMs);
    }
    /** The `pg.Pool` in use (undefined before start and after close). */
    unwrap() {
        return this.pool;
    }
    /** Connected (the pool answered), consuming (the claim loop runs), and the queue's claimable rows (`backlog`). */
    probeHealth() {
        return (0, postgres_health_1.probePostgres)({ queue: this.brokerSettings.queue, sql: this.sql, state: this.currentStatus, pool: this.pool, consuming: this.loop.isRunning && !this.isClosing });
    }
    async start() {
        const { connection, queue } = this.brokerSettings;
        this.pool = 'pool' in connection ? connection.pool : new pg_1.Pool(connection.config);
        if ('config' in connection)
            this.pool.on('error', (error) => this.reportError(error, 'PostgreSQL idle connection'));
        if (this.brokerSettings.createSchema)
            await this.unlessClosed((0, postgres_schema_1.createPostgresSchema)(this.pool, this.sql));
        this.throwIfClosing();
        const listener = new postgres_listener_1.PostgresListener(this.pool, [this.sql.channel], {
            notified: (_channel, payload) => {
                if (payload === queue)
                    this.loop.wake();
            },
            connected: () => {
                this.setStatus('connected');
                this.events.emit('connected');
                this.loop.wake(); // publishes notified while we were away
            },
            disconnected: (error) => {
                this.logger.warn(`PostgreSQL LISTEN connection lost: ${error.message}; polling every ${this.brokerSettings.pollIntervalMs} ms while reconnecting`);
                this.setStatus('disconnected');
                this.events.emit('disconnected', error);
            },
            reconnecting: (attempt) => {
                this.setStatus('reconnecting');
                this.events.emit('reconnecting', attempt);
            },
            failed: (error) => this.reportError(error, 'PostgreSQL LISTEN connection gave up reconnecting; polling only'),
        }, this.brokerSettings.reconnect);
        this.listener = listener;
        await this.unlessClosed(listener.open());
        this.throwIfClosing();
        this.loop.start();
        this.startRetention();
    }
    async stopReceiving() {
        await this.loop.stop();
    }
    async disconnect() {
        await this.loop.stop();
        clearInterval(this.retentionTimer);
        this.retentionTimer = undefined;
        await this.listener?.close();
        this.listener = undefined;
        const pool = this.pool;
        this.pool = undefined;
        if (pool && 'config' in this.brokerSettings.connection)
            await pool.end().catch((error) => this.reportError((0, errors_1.asError)(error), 'could not end the PostgreSQL pool'));
    }
    get connectedPool() {
        if (!this.pool)
            throw new errors_1.DeliveryGoneError('the server closed its PostgreSQL pool');
        return this.pool;
    }
    async claim(limit) {
        const { rows } = await this.connectedPool.query(this.sql.claim, [this.brokerSettings.queue, limit, this.brokerSettings.leaseMs]);
        if (this.claimFailing) {
            this.claimFailing = false;
            this.logger.log('claiming works again');
            // The database answers again: the LISTEN reconnect tries now instead of after its backoff.
            this.listener?.retryNow();
        }
        // RETURNING has no order: deliver oldest first.
        return rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    }
    async release(rows) {
        await this.pool?.query(this.sql.release, [rows.map((row) => row.id)]);
    }
    /** Logged once per outage; every failure is an `error` event. */
    onClaimError(error) {
        this.reportError((0, errors_1.asError)(error), 'could not claim rows', !this.claimFailing);
        this.claimFailing = true;
    }
    async publishReply(message, replyTo, packet) {
        const { options: _options, ...body } = packet;
        await this.connectedPool.query(this.sql.insertReply, [replyTo, message.correlationId ?? packet.id, Buffer.from(JSON.stringify(body))]);
    }
    startRetention() {
        const { retention, queue } = this.brokerSettings;
        const purge = async () => {
            const pool = this.pool;
            if (!pool)
                return;
            for (const [state, ageMs] of [['COMPLETED', retention.completedMs], ['FAILED', retention.failedMs]]) {
                if (ageMs === Infinity)
                    continue;
                // In slices, so a large backlog never holds long locks.
                while ((await pool.query(this.sql.purge, [queue, state, ageMs, PURGE_BATCH])).rowCount === PURGE_BATCH && this.pool)
                    ;
            }
            await pool.query(this.sql.purgeReplies, [Math.max(retention.completedMs === Infinity ? 86_400_000 : retention.completedMs, 60_000)]);
        };
        this.retentionTimer = setInterval(() => void purge().catch((error) => this.reportError((0, errors_1.asError)(error), 'retention: could not delete settled rows')), retention.intervalMs);
        this.retentionTimer.unref();
    }
}
exports.PostgresAckServer = PostgresAckServer;
//# sourceMappingURL=postgres-ack.server.js.map