"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
const node_test_1 = require("node:test");
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("../support/postgres-broker");
const wait_for_1 = require("../support/wait-for");
const TOTAL = 600;
(0, node_test_1.describe)('a PostgreSQL consumer closed gracefully (SIGTERM) mid-stream', () => {
    const table = (0, postgres_broker_1.uniqueTable)('term');
    const children = [];
    const client = new postgres_1.PostgresAckClient({ connection: postgres_broker_1.POSTGRES_URL, table, queue: 'kill', createSchema: true });
    (0, node_test_1.after)(async () => {
        for (const child of children)
            child.kill('SIGKILL');
        await client.close();
        await (0, postgres_broker_1.dropTables)(table);
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('loses nothing and duplicates nothing: every row COMPLETED after exactly one attempt', { timeout: 120_000 }, async () => {
        const processed = new Map();
        const start = () => {
            const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, '../support/postgres-worker.js'), table], { stdio: ['ignore', 'pipe', 'inherit'] });
            children.push(child);
            const lines = [];
            const ready = new Promise((resolve) => {
                (0, node_readline_1.createInterface)({ input: child.stdout }).on('line', (line) => {
                    lines.push(line);
                    if (line === 'ready')
                        resolve();
                    const match = /^processed (\d+)$/.exec(line);
                    if (match)
                        processed.set(Number(match[1]), (processed.get(Number(match[1])) ?? 0) + 1);
                });
            });
            return { child, ready, lines };
        };
        await client.connect();
        const tx = await client.unwrap().connect();
        try {
            await tx.query('BEGIN');
            for (let id = 1; id <= TOTAL; id++)
                await client.emitIn(tx, 'kill.item', { id });
            await tx.query('COMMIT');
        }
        finally {
            tx.release();
        }
        const first = start();
        await first.ready;
        await (0, wait_for_1.waitFor)(() => processed.size >= 100, { timeoutMs: 30_000, message: '100 processed before SIGTERM' });
        const exited = new Promise((resolve) => first.child.once('exit', resolve));
        first.child.kill('SIGTERM');
        strict_1.default.equal(await exited, 0, 'the worker closed and exited cleanly');
        strict_1.default.ok(first.lines.includes('closed'));
        const processedByFirst = processed.size;
        const open = await (0, postgres_broker_1.testPool)().query(`SELECT count(*)::int AS n FROM "${table}" WHERE state = 'PROCESSING'`);
        strict_1.default.equal(open.rows[0].n, 0, 'no row left PROCESSING by the closed worker');
        const second = start();
        await second.ready;
        await (0, wait_for_1.waitFor)(() => processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} processed (have ${processed.size})` });
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(table)) === JSON.stringify({ COMPLETED: TOTAL }), { message: 'every row COMPLETED' });
        strict_1.default.ok(processedByFirst < TOTAL, 'the close happened mid-stream');
        strict_1.default.deepEqual([...processed.values()].filter((n) => n !== 1), [], 'each row processed once');
        const attempts = await (0, postgres_broker_1.testPool)().query(`SELECT attempts, count(*)::int AS n FROM "${table}" GROUP BY attempts`);
        strict_1.default.deepEqual(attempts.rows, [{ attempts: 1, n: TOTAL }], 'one attempt each: claims given back at close are not counted');
    });
});
//# sourceMappingURL=graceful-close-postgres.test.js.map