"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const nats_1 = require("../../lib/nats");
const health_app_1 = require("../support/health-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const private_server_1 = require("../support/private-server");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.describe)('AckHealthIndicator on NATS JetStream (shared server)', { timeout: 60_000 }, () => {
    const stream = (0, nats_broker_1.uniqueStream)('health');
    const subject = (0, names_1.uniqueName)('health');
    let admin;
    let server;
    let health;
    let client;
    let release = () => undefined;
    const gate = new Promise((resolve) => (release = resolve));
    (0, node_test_1.before)(async () => {
        admin = await (0, nats_broker_1.natsAdmin)();
        server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, stream, ensureStream: true, concurrency: 1, batchSize: 1, ackWaitMs: 30_000, deadLetter: false });
        health = await (0, health_app_1.startHealthApp)(server, [subject], { handler: () => gate });
        client = new nats_1.NatsAckClient({ servers: nats_broker_1.NATS_URL });
        await client.connect();
    });
    (0, node_test_1.after)(async () => {
        release();
        await health?.close().catch(() => undefined);
        await client?.close().catch(() => undefined);
        await (0, nats_broker_1.deleteStreams)(admin, stream);
        await admin?.nc.close();
    });
    (0, node_test_1.it)('reports up with num_pending and num_ack_pending as the server counts them', async () => {
        for (let i = 0; i < 5; i++)
            await (0, rxjs_1.lastValueFrom)(client.emit(subject, { i }));
        const [plan] = server.consumerPlans;
        // The handler holds the first delivery: the counts settle, then the check and the server's consumer info agree.
        const answer = await (0, wait_for_1.waitFor)(async () => {
            const info = await (0, nats_broker_1.consumerInfo)(admin, stream, plan.name);
            const a = await health.check();
            const reported = a.details[health_app_1.HEALTH_KEY]?.consumers?.[0];
            return info.num_pending + info.num_ack_pending === 5 && reported?.pending === info.num_pending && reported.ackPending === info.num_ack_pending ? a : false;
        }, { timeoutMs: 20_000, message: 'the check reporting the consumer info' });
        if (!answer)
            throw new Error('unreachable');
        const details = answer.details[health_app_1.HEALTH_KEY];
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual({ status: details.status, transport: details.transport, state: details.state, connected: details.connected, consuming: details.consuming, stream: details.stream }, { status: 'up', transport: 'nats', state: 'connected', connected: true, consuming: true, stream });
        const [consumer] = details.consumers;
        strict_1.default.equal(consumer.name, plan.name);
        strict_1.default.equal(details.backlog, consumer.pending);
        release();
        await (0, wait_for_1.waitFor)(async () => {
            const [c] = (await health.check()).details[health_app_1.HEALTH_KEY]?.consumers;
            return c.pending === 0 && c.ackPending === 0;
        }, { timeoutMs: 20_000, message: 'nothing pending once the handler is released' });
    });
});
(0, node_test_1.describe)('AckHealthIndicator on NATS JetStream (private server, killed and restarted)', { timeout: 120_000 }, () => {
    const storeDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'nestjs-ack-health-nats-'));
    const port = 24822;
    const nats = new private_server_1.PrivateServer('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], port);
    const stream = (0, nats_broker_1.uniqueStream)('health');
    const subject = (0, names_1.uniqueName)('health');
    let health;
    (0, node_test_1.before)(async () => {
        await nats.start();
        const server = new nats_1.NatsAckServer({ servers: `nats://127.0.0.1:${port}`, stream, ensureStream: true, deadLetter: false, connectionOptions: { reconnectTimeWait: 200 } });
        health = await (0, health_app_1.startHealthApp)(server, [subject]);
    });
    (0, node_test_1.after)(async () => {
        await health?.close().catch(() => undefined);
        await nats.kill();
        (0, node_fs_1.rmSync)(storeDir, { recursive: true, force: true });
    });
    (0, node_test_1.it)('reports down within 5 s of the server stop, and up after it returns', async () => {
        const { up } = await (0, health_app_1.downThenUp)(health, { label: 'NATS', stop: () => nats.kill(), start: () => nats.start() });
        const details = up.details[health_app_1.HEALTH_KEY];
        strict_1.default.deepEqual({ status: details.status, state: details.state, connected: details.connected, consuming: details.consuming, backlog: details.backlog }, { status: 'up', state: 'connected', connected: true, consuming: true, backlog: 0 });
    });
});
//# sourceMappingURL=health-nats.test.js.map