"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const postgres_1 = require("../../lib/postgres");
const health_app_1 = require("../support/health-app");
const postgres_broker_1 = require("../support/postgres-broker");
const private_server_1 = require("../support/private-server");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.describe)('AckHealthIndicator on PostgreSQL (shared server)', { timeout: 60_000 }, () => {
    const table = (0, postgres_broker_1.uniqueTable)('health');
    const queue = 'orders';
    let health;
    let client;
    let release = () => undefined;
    const gate = new Promise((resolve) => (release = resolve));
    (0, node_test_1.before)(async () => {
        const server = new postgres_1.PostgresAckServer({ connection: postgres_broker_1.POSTGRES_URL, table, queue, createSchema: true, concurrency: 1, batchSize: 1, pollIntervalMs: 200 });
        health = await (0, health_app_1.startHealthApp)(server, ['order.created'], { handler: () => gate });
        client = new postgres_1.PostgresAckClient({ connection: postgres_broker_1.POSTGRES_URL, table, queue });
        await client.connect();
    });
    (0, node_test_1.after)(async () => {
        release();
        await health?.close().catch(() => undefined);
        await client?.close().catch(() => undefined);
        await (0, postgres_broker_1.dropTables)(table).catch(() => undefined);
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('reports up with the claimable rows the table holds', async () => {
        for (let i = 0; i < 5; i++)
            await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { i }));
        // The handler holds the one claimed row (batchSize 1, concurrency 1): the other four wait as PENDING.
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(table)) === JSON.stringify({ PENDING: 4, PROCESSING: 1 }), { timeoutMs: 20_000, message: '4 PENDING and 1 PROCESSING' });
        const answer = await health.check();
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual(answer.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'postgres',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 4,
            table: `public.${table}`,
            queue,
            ready: 4,
        });
        release();
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(table)) === JSON.stringify({ COMPLETED: 5 }), { timeoutMs: 20_000, message: 'all 5 COMPLETED once the handler is released' });
        strict_1.default.equal((await health.check()).details[health_app_1.HEALTH_KEY]?.backlog, 0);
    });
});
/** A PostgreSQL server program: Debian keeps them in /usr/lib/postgresql/<version>/bin, off the PATH. */
function postgresProgram(name) {
    const root = '/usr/lib/postgresql';
    const versions = (0, node_fs_1.existsSync)(root) ? (0, node_fs_1.readdirSync)(root).sort((a, b) => Number(b) - Number(a)) : [];
    return versions.map((version) => (0, node_path_1.join)(root, version, 'bin', name)).find((path) => (0, node_fs_1.existsSync)(path)) ?? name;
}
(0, node_test_1.describe)('AckHealthIndicator on PostgreSQL (private server, stopped and restarted)', { timeout: 120_000 }, () => {
    const port = 24861;
    const dataDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'nestjs-ack-health-pg-'));
    const postgresUser = { uid: Number((0, node_child_process_1.execFileSync)('id', ['-u', 'postgres']).toString()), gid: Number((0, node_child_process_1.execFileSync)('id', ['-g', 'postgres']).toString()) };
    // -k: the socket in the data folder, so no other server's socket folder is touched.
    const postgres = new private_server_1.PrivateServer(postgresProgram('postgres'), ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], port, postgresUser);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let health;
    (0, node_test_1.before)(async () => {
        (0, node_fs_1.chownSync)(dataDir, postgresUser.uid, postgresUser.gid);
        (0, node_child_process_1.execFileSync)(postgresProgram('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...postgresUser, stdio: 'ignore' });
        await postgres.start();
        const server = new postgres_1.PostgresAckServer({ connection: url, table: 'health_messages', queue: 'orders', createSchema: true, pollIntervalMs: 200, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } });
        health = await (0, health_app_1.startHealthApp)(server, ['order.created']);
    });
    (0, node_test_1.after)(async () => {
        await health?.close().catch(() => undefined);
        await postgres.kill('SIGQUIT');
        (0, node_fs_1.rmSync)(dataDir, { recursive: true, force: true });
    });
    (0, node_test_1.it)('reports down within 5 s of the server stop, and up after it returns', async () => {
        // SIGQUIT: immediate shutdown, every backend ends at once (as in a crash).
        const { up } = await (0, health_app_1.downThenUp)(health, { label: 'PostgreSQL', stop: () => postgres.kill('SIGQUIT'), start: () => postgres.start() });
        // Up as soon as the pool answers: claims work (by polling) while the LISTEN connection still reconnects.
        strict_1.default.ok(['reconnecting', 'connected'].includes(up.details[health_app_1.HEALTH_KEY].state), `state ${up.details[health_app_1.HEALTH_KEY].state}`);
        const listening = await (0, wait_for_1.waitFor)(async () => {
            const a = await health.check();
            return a.details[health_app_1.HEALTH_KEY].state === 'connected' ? a : false;
        }, { timeoutMs: 30_000, message: 'the LISTEN connection back' });
        if (!listening)
            throw new Error('unreachable');
        strict_1.default.deepEqual(listening.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'postgres',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 0,
            table: 'public.health_messages',
            queue: 'orders',
            ready: 0,
        });
    });
});
//# sourceMappingURL=health-postgres.test.js.map