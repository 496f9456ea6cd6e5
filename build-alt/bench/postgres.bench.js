"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.postgresBench = postgresBench;
exports.benchPostgresClaimScale = benchPostgresClaimScale;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const pg_1 = require("pg");
const postgres_1 = require("../lib/postgres");
const postgres_schema_1 = require("../lib/postgres/postgres-schema");
const broker_urls_1 = require("../test/support/broker-urls");
const postgres_broker_1 = require("../test/support/postgres-broker");
const postgres_scale_1 = require("../test/support/postgres-scale");
const measure_1 = require("./measure");
const BATCH = 50;
const QUEUE = 'bench';
/** The raw loop's wait when the table had nothing to claim (ours is woken by NOTIFY). */
const RAW_IDLE_MS = 5;
const ours = (ackModule) => ({
    role: ackModule ? 'ours+module' : 'ours',
    label: ackModule ? 'PostgresAckServer + AckModule' : 'PostgresAckServer',
    async start(table, work, tick) {
        const server = new postgres_1.PostgresAckServer({ connection: broker_urls_1.brokerUrls.postgres, table, queue: QUEUE, concurrency: BATCH, batchSize: BATCH, deadLetter: false });
        server.on('settled', tick);
        const app = await core_1.NestFactory.createMicroservice((0, measure_1.benchModule)('bench', work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
        await app.listen();
        return () => app.close();
    },
});
/** PostgreSQL: a SKIP LOCKED claim loop marking rows COMPLETED by hand, `PostgresAckServer` without and with `AckModule` (Nest has no PostgreSQL transport). */
function postgresBench() {
    const pool = new pg_1.Pool({ connectionString: broker_urls_1.brokerUrls.postgres, max: 10 });
    const tables = [];
    const sqlOf = (table) => new postgres_1.PostgresSql({ schema: 'public', table });
    return {
        id: 'postgres',
        title: `PostgreSQL, batches of ${BATCH}`,
        concurrency: BATCH,
        latencyRate: 200,
        contenders: [
            {
                role: 'raw',
                label: 'pg SKIP LOCKED + UPDATE',
                async start(table, work, tick) {
                    const sql = sqlOf(table);
                    const claim = `UPDATE ${sql.messages} SET state = 'PROCESSING', attempts = attempts + 1 WHERE id IN (
            SELECT id FROM ${sql.messages} WHERE queue = $1 AND state = 'PENDING' ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
          ) RETURNING id, body`;
                    let running = true;
                    const loop = (async () => {
                        while (running) {
                            const { rows } = await pool.query(claim, [QUEUE, BATCH]);
                            if (rows.length === 0) {
                                await (0, measure_1.sleep)(RAW_IDLE_MS);
                                continue;
                            }
                            await Promise.all(rows.map(async (row) => {
                                const packet = JSON.parse(row.body.toString('utf8'));
                                await (0, measure_1.after)(work(packet.data), () => undefined);
                                await pool.query(`UPDATE ${sql.messages} SET state = 'COMPLETED', updated_at = now() WHERE id = $1`, [row.id]);
                                tick();
                            }));
                        }
                    })();
                    return async () => {
                        running = false;
                        await loop;
                    };
                },
            },
            ours(false),
            ours(true),
        ],
        async fill(messages) {
            const table = (0, postgres_broker_1.uniqueTable)('bench');
            tables.push(table);
            const sql = sqlOf(table);
            await (0, postgres_schema_1.createPostgresSchema)(pool, sql);
            await pool.query(`INSERT INTO ${sql.messages} (queue, pattern, body) SELECT $1, 'bench', convert_to('{"pattern":"bench","data":{"i":' || g || '}}', 'UTF8') FROM generate_series(1, $2::int) g`, [QUEUE, messages]);
            await pool.query(`ANALYZE ${sql.messages}`);
            return table;
        },
        async publisher(table) {
            const sql = sqlOf(table);
            const publishing = new pg_1.Pool({ connectionString: broker_urls_1.brokerUrls.postgres, max: 4 });
            return {
                publish: async (data) => void (await publishing.query(sql.insert, [QUEUE, 'bench', Buffer.from(JSON.stringify({ pattern: 'bench', data })), '{}', null, null, sql.channel])),
                close: () => publishing.end(),
            };
        },
        async version() {
            const { rows } = await pool.query('SHOW server_version');
            return `PostgreSQL ${rows[0].server_version}`;
        },
        async cleanup() {
            for (const table of tables.splice(0))
                await pool.query(`DROP TABLE IF EXISTS "${table}"; DROP TABLE IF EXISTS "${table}_replies"`);
        },
    };
}
/** One claim of 10 rows with 1,000 rows in the table, then with 100,000 (99,000 COMPLETED): claims per second (ratio ~1 = the index works). */
async function benchPostgresClaimScale() {
    const pool = new pg_1.Pool({ connectionString: broker_urls_1.brokerUrls.postgres, max: 2 });
    const tables = [(0, postgres_broker_1.uniqueTable)('bench_small'), (0, postgres_broker_1.uniqueTable)('bench_large')];
    try {
        const results = [];
        for (const [table, total, completed, name] of [[tables[0], 1_000, 0, 'claim 10 of 1,000 rows'], [tables[1], 100_000, 99_000, 'claim 10 of 100,000 (99% done)']]) {
            const sql = await (0, postgres_scale_1.fillScaleTable)(pool, table, total, completed);
            await (0, postgres_scale_1.medianClaimMs)(pool, sql, 5, 10);
            const ms = await (0, postgres_scale_1.medianClaimMs)(pool, sql, 40, 10);
            results.push({ name, messages: 1, seconds: (0, measure_1.round)(ms / 1000, 5), perSecond: Math.round(1000 / ms) });
        }
        return results;
    }
    finally {
        for (const table of tables)
            await pool.query(`DROP TABLE IF EXISTS "${table}"; DROP TABLE IF EXISTS "${table}_replies"`);
        await pool.end();
    }
}
//# sourceMappingURL=postgres.bench.js.map