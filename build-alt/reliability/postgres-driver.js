"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresDriver = exports.POSTGRES_QUEUE = void 0;
exports.postgresTable = postgresTable;
// The harness's hands on PostgreSQL (pg, not our client): one table per scenario (the library's
// schema), rows inserted with plain SQL as PostgresAckClient writes them (or with odd columns),
// outstanding rows and dead letters (FAILED rows) read with plain SQL.
const pg_1 = require("pg");
const postgres_1 = require("../lib/postgres");
const postgres_schema_1 = require("../lib/postgres/postgres-schema");
const nats_driver_1 = require("./nats-driver");
/** The queue every harness row is in (one table per scenario keeps them apart). */
exports.POSTGRES_QUEUE = 'rel';
const PATTERN = 'rel.item';
/** The table of a harness stream name (SQL names: letters, digits, underscores). */
function postgresTable(stream) {
    return stream.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
}
class PostgresDriver {
    addresses;
    transport = 'postgres';
    pool;
    constructor(addresses) {
        this.addresses = addresses;
        this.pool = new pg_1.Pool({ connectionString: addresses[0], max: 10 });
        this.pool.on('error', () => undefined);
    }
    sql(stream) {
        return new postgres_1.PostgresSql({ schema: 'public', table: postgresTable(stream) });
    }
    pattern() {
        return PATTERN;
    }
    items(_stream, ids) {
        return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: PATTERN, data: { id } })) }));
    }
    async prepare(stream) {
        await (0, postgres_schema_1.createPostgresSchema)(this.pool, this.sql(stream));
    }
    async publish(stream, messages) {
        const sql = this.sql(stream);
        for (let start = 0; start < messages.length; start += 200) {
            const batch = messages.slice(start, start + 200);
            const values = [];
            const rows = batch.map((message) => {
                values.push(exports.POSTGRES_QUEUE, message.rowPattern === undefined ? PATTERN : message.rowPattern, message.body ?? Buffer.alloc(0), JSON.stringify(message.rowHeaders !== undefined ? message.rowHeaders : (message.headers ?? {})), message.replyTo ?? null, message.correlationId ?? null);
                const n = values.length;
                return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
            });
            // One statement per batch: all of it or nothing; sent again whole after a connection loss.
            await (0, nats_driver_1.retry)(() => this.pool.query(`WITH inserted AS (INSERT INTO ${sql.messages} (queue, pattern, body, headers, reply_to, correlation_id) VALUES ${rows.join(', ')} RETURNING 1) SELECT pg_notify($${values.length + 1}, $1) FROM (SELECT 1 FROM inserted LIMIT 1) AS any_row`, [...values, sql.channel]));
        }
    }
    async outstanding(stream) {
        const { rows } = await (0, nats_driver_1.retry)(() => this.pool.query(`SELECT count(*)::int AS n FROM ${this.sql(stream).messages} WHERE queue = $1 AND state IN ('PENDING', 'PROCESSING', 'RETRYABLE')`, [exports.POSTGRES_QUEUE]));
        return rows[0].n;
    }
    async deadLetters(stream) {
        const { rows } = await (0, nats_driver_1.retry)(() => this.pool.query(this.sql(stream).deadLetters, [exports.POSTGRES_QUEUE]));
        return rows.map((row) => {
            const letter = (0, postgres_1.deadLetterOf)(row);
            const input = row.headers?.['x-rel-input'];
            return { input: typeof input === 'string' ? input : undefined, reason: letter.reason, deliveryCount: letter.deliveryCount, body: letter.body };
        });
    }
    async cleanup(stream) {
        const sql = this.sql(stream);
        await this.pool.query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
    }
    async close() {
        await this.pool.end().catch(() => undefined);
    }
}
exports.PostgresDriver = PostgresDriver;
//# sourceMappingURL=postgres-driver.js.map