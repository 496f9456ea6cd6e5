"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.postgresConformanceAdapter = postgresConformanceAdapter;
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("./postgres-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
const QUEUE = 'conformance';
/**
 * Runs the conformance suite on PostgreSQL: one fresh table per start (created
 * by the server), all the test's patterns in it; outstanding rows and dead
 * letters (FAILED rows) read with plain SQL; the tables dropped at close.
 */
function postgresConformanceAdapter() {
    return {
        name: 'postgres',
        canBlockDeadLetters: true,
        async start(setup) {
            const table = (0, postgres_broker_1.uniqueTable)('conf');
            const sql = new postgres_1.PostgresSql({ schema: 'public', table });
            const connection = { schema: 'public', table, queue: QUEUE, createSchema: true };
            const server = new postgres_1.PostgresAckServer({
                ...setup.serverOptions,
                ...connection,
                connection: { connectionString: postgres_broker_1.POSTGRES_URL, max: 5 },
                pollIntervalMs: 200,
                retention: { intervalMs: 1000 },
            });
            const app = await core_1.NestFactory.createMicroservice(setup.module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
            const client = new postgres_1.PostgresAckClient({ ...connection, connection: postgres_broker_1.POSTGRES_URL });
            try {
                await client.connect(); // creates the table, so the suite can read it before listen()
                if (setup.listen !== false)
                    await app.listen();
            }
            catch (error) {
                await app.close().catch(() => undefined);
                await client.close().catch(() => undefined);
                await (0, postgres_broker_1.dropTables)(table).catch(() => undefined);
                throw error;
            }
            const db = (0, postgres_broker_1.testPool)();
            let closed = false;
            return {
                app,
                server,
                emit: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.emit(pattern, data), { defaultValue: undefined }),
                send: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.send(pattern, data)),
                async publishRaw(pattern, body) {
                    await db.query(sql.insert, [QUEUE, pattern, body, '{}', null, null, sql.channel]);
                },
                async outstanding(pattern) {
                    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${sql.messages} WHERE queue = $1 AND pattern = $2 AND state IN ('PENDING', 'PROCESSING', 'RETRYABLE')`, [QUEUE, pattern]);
                    return rows[0].n;
                },
                async deadLetters(pattern) {
                    const { rows } = await db.query(sql.deadLetters, [QUEUE]);
                    return rows
                        .filter((row) => row.pattern === pattern)
                        .map(postgres_1.deadLetterOf)
                        .map(({ body, headersWithRecord, reason, errorName, errorMessage, deliveryCount, source }) => ({ body, headers: headersWithRecord, reason, errorName, errorMessage, deliveryCount, source }));
                },
                // Consumers are the connections LISTENing on the table's channel.
                async consumers() {
                    const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [`LISTEN "${sql.channel}"`]);
                    return rows[0].n;
                },
                // A CHECK constraint (NOT VALID: existing rows stay) makes PostgreSQL refuse new FAILED rows of the pattern.
                async blockDeadLetters(pattern, blocked) {
                    const constraint = `"${table}_block_failed"`;
                    if (blocked) {
                        const literal = `'${pattern.replace(/'/g, "''")}'`;
                        await db.query(`ALTER TABLE ${sql.messages} ADD CONSTRAINT ${constraint} CHECK (state <> 'FAILED' OR pattern IS DISTINCT FROM ${literal}) NOT VALID`);
                    }
                    else {
                        await db.query(`ALTER TABLE ${sql.messages} DROP CONSTRAINT IF EXISTS ${constraint}`);
                    }
                },
                async close() {
                    if (closed)
                        return;
                    closed = true;
                    try {
                        await app.close();
                    }
                    finally {
                        await client.close().catch(() => undefined);
                        await (0, postgres_broker_1.dropTables)(table);
                    }
                },
            };
        },
        dispose: () => (0, postgres_broker_1.endTestPool)(),
    };
}
//# sourceMappingURL=postgres-conformance-adapter.js.map