"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const pg_1 = require("pg");
const core_1 = require("../../../lib/core");
const postgres_1 = require("../../../lib/postgres");
const postgres_settings_1 = require("../../../lib/postgres/postgres-settings");
(0, node_test_1.describe)('PostgresAckServer options', () => {
    (0, node_test_1.it)('fills in the defaults', () => {
        const previous = process.env.DATABASE_URL;
        delete process.env.DATABASE_URL;
        try {
            const settings = (0, postgres_settings_1.resolvePostgresSettings)({}, 10);
            strict_1.default.deepEqual(settings.connection, { config: { connectionString: 'postgres://postgres@127.0.0.1:5432/postgres', connectionTimeoutMillis: 5000 } });
            strict_1.default.deepEqual(settings.name, { schema: 'public', table: 'nestjs_ack_messages' });
            strict_1.default.equal(settings.queue, 'default');
            strict_1.default.equal(settings.createSchema, false);
            strict_1.default.equal(settings.batchSize, 10);
            strict_1.default.equal(settings.pollIntervalMs, 1000);
            strict_1.default.equal(settings.leaseMs, 30_000);
            strict_1.default.equal(settings.leaseRenewalMs, 10_000);
            strict_1.default.equal(settings.deleteOnAck, false);
            strict_1.default.equal(settings.deadLetter, true);
            strict_1.default.deepEqual(settings.retention, { completedMs: 86_400_000, failedMs: 1_209_600_000, intervalMs: 60_000 });
        }
        finally {
            if (previous !== undefined)
                process.env.DATABASE_URL = previous;
        }
    });
    (0, node_test_1.it)('gives a pool config a connection timeout unless it sets its own', () => {
        strict_1.default.deepEqual((0, postgres_settings_1.resolvePostgresSettings)({ connection: { host: 'db', max: 3 } }, 1).connection, { config: { host: 'db', max: 3, connectionTimeoutMillis: 5000 } });
        strict_1.default.deepEqual((0, postgres_settings_1.resolvePostgresSettings)({ connection: { host: 'db', connectionTimeoutMillis: 0 } }, 1).connection, { config: { host: 'db', connectionTimeoutMillis: 0 } });
    });
    (0, node_test_1.it)('takes the user\'s own pool as is', () => {
        const pool = new pg_1.Pool();
        strict_1.default.deepEqual((0, postgres_settings_1.resolvePostgresSettings)({ connection: pool }, 1).connection, { pool });
    });
    (0, node_test_1.it)('refuses bad options in the constructor, naming the option', () => {
        const cases = [
            [{ table: 'orders; DROP TABLE x' }, 'table'],
            [{ schema: '1bad' }, 'schema'],
            [{ queue: '' }, 'queue'],
            [{ batchSize: 0 }, 'batchSize'],
            [{ pollIntervalMs: 0 }, 'pollIntervalMs'],
            [{ leaseMs: 1000, leaseRenewalMs: 1000 }, 'leaseRenewalMs'],
            [{ deleteOnAck: 'yes' }, 'deleteOnAck'],
            [{ deadLetter: 1 }, 'deadLetter'],
            [{ retention: { completedMs: -1 } }, 'retention.completedMs'],
            [{ createSchema: 'true' }, 'createSchema'],
            [{ connection: 42 }, 'connection'],
        ];
        for (const [options, option] of cases) {
            strict_1.default.throws(() => new postgres_1.PostgresAckServer(options), (error) => error instanceof core_1.InvalidOptionError && error.option === option, `option ${option}`);
        }
        strict_1.default.throws(() => new postgres_1.PostgresAckClient({ table: 'x-y' }), (error) => error instanceof core_1.InvalidOptionError && error.option === 'table');
    });
});
(0, node_test_1.describe)('PostgreSQL schema', () => {
    (0, node_test_1.it)('schema.sql holds the statements createSchema runs for the default names', () => {
        const file = (0, node_fs_1.readFileSync)((0, node_path_1.join)(__dirname, '../../../../lib/postgres/schema.sql'), 'utf8');
        const statements = new postgres_1.PostgresSql({ schema: 'public', table: 'nestjs_ack_messages' }).createSchema().trim();
        strict_1.default.ok(file.includes(statements), 'schema.sql is in sync with PostgresSql.createSchema()');
    });
    (0, node_test_1.it)('quotes names and claims only through the partial index\'s predicate', () => {
        const sql = new postgres_1.PostgresSql({ schema: 'app', table: 'jobs' });
        strict_1.default.equal(sql.messages, '"app"."jobs"');
        strict_1.default.equal(sql.replies, '"app"."jobs_replies"');
        strict_1.default.equal(sql.channel, 'jobs_wake');
        strict_1.default.match(sql.createSchema(), /"jobs_claimable" ON "app"."jobs" \(queue, next_attempt_at, id\) WHERE state IN \('PENDING', 'RETRYABLE'\)/);
        // The claim's predicate must match the index's for the planner to use it.
        strict_1.default.match(sql.claim, /state IN \('PENDING', 'RETRYABLE'\) AND next_attempt_at <= now\(\)/);
        strict_1.default.match(sql.claim, /FOR UPDATE SKIP LOCKED/);
    });
});
//# sourceMappingURL=postgres-settings.test.js.map