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
const postgres_worker_1 = require("../support/postgres-worker");
const wait_for_1 = require("../support/wait-for");
const TOTAL = 1000;
(0, node_test_1.describe)('two PostgreSQL consumer processes on one queue, one killed with SIGKILL', () => {
    const table = (0, postgres_broker_1.uniqueTable)('kill');
    const workers = [];
    const client = new postgres_1.PostgresAckClient({ connection: postgres_broker_1.POSTGRES_URL, table, queue: 'kill', createSchema: true });
    (0, node_test_1.after)(async () => {
        for (const worker of workers)
            worker.process.kill('SIGKILL');
        await client.close();
        await (0, postgres_broker_1.dropTables)(table);
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('never runs a row in both at once, and the killed one\'s rows come back after the lease: none lost', { timeout: 120_000 }, async (t) => {
        const processed = new Map();
        const overlaps = [];
        const startWorker = (name) => {
            const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, '../support/postgres-worker.js'), table], { stdio: ['ignore', 'pipe', 'inherit'] });
            const worker = { name, process: child, ready: Promise.resolve(), running: new Set() };
            worker.ready = new Promise((resolve) => {
                (0, node_readline_1.createInterface)({ input: child.stdout }).on('line', (line) => {
                    if (line === 'ready')
                        resolve();
                    const [event, raw] = line.split(' ');
                    const id = Number(raw);
                    if (event === 'start') {
                        for (const other of workers)
                            if (other !== worker && other.running.has(id))
                                overlaps.push(`${id} in ${worker.name} while in ${other.name}`);
                        worker.running.add(id);
                    }
                    else if (event === 'processed') {
                        worker.running.delete(id);
                        processed.set(id, (processed.get(id) ?? 0) + 1);
                    }
                });
            });
            workers.push(worker);
            return worker;
        };
        await client.connect(); // creates the table
        const [first, second] = [startWorker('first'), startWorker('second')];
        await Promise.all([first.ready, second.ready]);
        // All rows at once, in one transaction: the kill then finds both workers busy mid-stream.
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
        await (0, wait_for_1.waitFor)(() => processed.size >= 100, { timeoutMs: 30_000, message: '100 processed before the kill' });
        const exited = new Promise((resolve) => first.process.once('exit', resolve));
        first.process.kill('SIGKILL');
        await exited;
        // Its unfinished rows stay PROCESSING until their lease runs out; it is dead, so they no longer count as running.
        const orphaned = [...first.running];
        first.running.clear();
        const processedAtKill = processed.size;
        await (0, wait_for_1.waitFor)(() => processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${processed.size})` });
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(table)) === JSON.stringify({ COMPLETED: TOTAL }), { timeoutMs: 30_000, message: 'every row COMPLETED' });
        strict_1.default.ok(processedAtKill < TOTAL / 2, `the kill happened mid-stream (${processedAtKill} of ${TOTAL} processed)`);
        strict_1.default.deepEqual(overlaps, [], 'no row ran in two consumers at once');
        const duplicates = [...processed.values()].reduce((sum, n) => sum + n - 1, 0);
        // Only rows the killed worker had claimed can run twice: at most its in-flight window.
        strict_1.default.ok(duplicates <= postgres_worker_1.WORKER_CONCURRENCY, `duplicates ${duplicates} within the in-flight window ${postgres_worker_1.WORKER_CONCURRENCY}`);
        const counts = await (0, postgres_broker_1.testPool)().query(`SELECT attempts, count(*)::int AS n FROM "${table}" GROUP BY attempts ORDER BY attempts`);
        const reclaimed = counts.rows.filter((row) => row.attempts > 1).reduce((sum, row) => sum + row.n, 0);
        strict_1.default.ok(reclaimed <= postgres_worker_1.WORKER_CONCURRENCY, `rows claimed twice (${reclaimed}) within the killed worker's window`);
        t.diagnostic(`processed at kill ${processedAtKill}, orphaned ${orphaned.length}, claimed twice ${reclaimed}, duplicates ${duplicates}`);
        // The kill must have caught rows the worker held: the database shows them claimed twice (its stdout
        // may have reported every started row as processed just before the kill, so that is not the evidence).
        strict_1.default.ok(reclaimed > 0, 'rows the killed worker had claimed came back after the lease and were claimed again');
        strict_1.default.ok(orphaned.every((id) => processed.has(id)), 'the killed worker\'s running rows were processed by the other one');
    });
});
//# sourceMappingURL=consumer-kill-postgres.test.js.map