"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const rabbitmq_1 = require("../../lib/rabbitmq");
const health_app_1 = require("../support/health-app");
const names_1 = require("../support/names");
const private_cluster_1 = require("../support/private-cluster");
const wait_for_1 = require("../support/wait-for");
// A RabbitMQ node of this file's own (AMQP port 5821, Erlang distribution 25821): killing it never disturbs the shared broker.
const cluster = new private_cluster_1.PrivateCluster('rabbitmq', { CLUSTER_NAME: 'healthr', RABBIT_PORT_BASE: '5821' });
const FAST_RECONNECT = { initialDelayMs: 100, maxDelayMs: 500 };
(0, node_test_1.describe)('AckHealthIndicator on RabbitMQ (private node, killed and revived)', { timeout: 600_000 }, () => {
    const queue = (0, names_1.uniqueName)('health');
    let server;
    let health;
    let client;
    let release = () => undefined;
    const gate = new Promise((resolve) => (release = resolve));
    (0, node_test_1.before)(async () => {
        await cluster.start();
        // A classic queue: this file tests the indicator. A lone node killed with SIGKILL recovers a quorum queue
        // before it answers its declaration again, which took from 50 s to over 150 s here (the server's set-up
        // attempts time out after 10 s each meanwhile, and it reconnects once the queue answers).
        server = new rabbitmq_1.RabbitAckServer({ urls: cluster.address, queue, queueType: 'classic', prefetch: 1, concurrency: 1, reconnect: FAST_RECONNECT });
        // The handler waits for the gate: with prefetch 1, every other message stays ready in the queue.
        health = await (0, health_app_1.startHealthApp)(server, ['order.created'], { handler: () => gate });
        client = new rabbitmq_1.RabbitAckClient({ urls: cluster.address, queue, reconnect: FAST_RECONNECT });
        await client.connect();
    });
    (0, node_test_1.after)(async () => {
        release();
        await health?.close().catch(() => undefined);
        await client?.close().catch(() => undefined);
        await cluster.stop();
    });
    (0, node_test_1.it)('reports up with the queue depth the broker counts', async () => {
        for (let i = 0; i < 5; i++)
            await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { i }));
        // One delivered (unacked, held by the handler), four ready: checkQueue counts the ready ones.
        const answer = await (0, wait_for_1.waitFor)(async () => {
            const a = await health.check();
            return a.details[health_app_1.HEALTH_KEY]?.backlog === 4 ? a : false;
        }, { timeoutMs: 20_000, message: 'backlog 4' });
        if (!answer)
            throw new Error('unreachable');
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual(answer.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'rabbitmq',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 4,
            queue,
            ready: 4,
            consumers: 1,
        });
        release();
        await (0, wait_for_1.waitFor)(async () => (await health.check()).details[health_app_1.HEALTH_KEY]?.backlog === 0, { timeoutMs: 20_000, message: 'backlog 0 once the handler is released' });
    });
    (0, node_test_1.it)('reports down within 5 s of the broker stop, and up after it returns', async () => {
        const { down, up } = await (0, health_app_1.downThenUp)(health, { label: 'RabbitMQ', stop: () => cluster.kill(), start: () => cluster.revive() });
        const state = down.error?.[health_app_1.HEALTH_KEY]?.state;
        strict_1.default.ok(state === 'disconnected' || state === 'reconnecting', `state ${state}`);
        strict_1.default.equal(up.details[health_app_1.HEALTH_KEY].consuming, true);
        // An ack still on the wire at the kill is lost: that message comes back once, then the queue is empty again.
        const drained = await (0, wait_for_1.waitFor)(async () => {
            const a = await health.check();
            return a.status === 'ok' && a.details[health_app_1.HEALTH_KEY].backlog === 0 ? a : false;
        }, { timeoutMs: 20_000, message: 'an empty queue after the revive' });
        if (!drained)
            throw new Error('unreachable');
        strict_1.default.deepEqual(drained.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'rabbitmq',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 0,
            queue,
            ready: 0,
            consumers: 1,
        });
    });
});
//# sourceMappingURL=health-rabbitmq.test.js.map