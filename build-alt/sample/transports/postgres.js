"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.postgresTransport = postgresTransport;
const pg_1 = require("pg");
const postgres_1 = require("../../lib/postgres");
const patterns_1 = require("../patterns");
const transport_1 = require("../transport");
/** Never printed: it may carry credentials. */
const connection = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/**
 * PostgreSQL: a table of this run (created at start), one row per message.
 * The broker's view is the rows themselves: COMPLETED (acked), FAILED (the
 * dead letter, with its reason), anything else unsettled; `attempts` counts deliveries.
 */
async function postgresTransport() {
    const table = `sample_${patterns_1.RUN_ID}`;
    const queue = 'orders';
    const sql = new postgres_1.PostgresSql({ schema: 'public', table });
    const pool = new pg_1.Pool({ connectionString: connection, max: 2 });
    return {
        description: `PostgreSQL (table ${table}, queue "${queue}")`,
        server: new postgres_1.PostgresAckServer({ connection, table, queue, createSchema: true }),
        client: new postgres_1.PostgresAckClient({ connection, table, queue }),
        async publishPoison(pattern) {
            await pool.query(`INSERT INTO ${sql.messages} (queue, pattern, body) VALUES ($1, $2, $3)`, [queue, pattern, Buffer.from('{ not json')]);
        },
        async readBroker() {
            const { rows } = await pool.query(`SELECT pattern, state, reason, attempts FROM ${sql.messages} WHERE queue = $1`, [queue]);
            const byState = {};
            const ackedByPattern = {};
            const retriedByPattern = {};
            for (const row of rows) {
                (0, transport_1.countInto)(byState, row.state);
                if (row.state === postgres_1.RowState.COMPLETED)
                    (0, transport_1.countInto)(ackedByPattern, row.pattern);
                (0, transport_1.countInto)(retriedByPattern, row.pattern, Math.max(row.attempts - 1, 0));
            }
            const failed = rows.filter((row) => row.state === postgres_1.RowState.FAILED);
            return {
                lines: [`table ${table}, queue "${queue}": ${Object.entries(byState).map(([state, n]) => `${n} ${state}`).join(', ')}`],
                unsettled: rows.length - (byState[postgres_1.RowState.COMPLETED] ?? 0) - failed.length,
                deadLetters: failed.map((row) => ({ pattern: row.pattern, reason: row.reason ?? '' })),
                ackedByPattern,
                retriedByPattern,
            };
        },
        async cleanup() {
            await pool.query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
            await pool.end();
        },
    };
}
//# sourceMappingURL=postgres.js.map