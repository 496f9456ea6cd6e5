"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const testing_1 = require("../../../lib/testing");
const health_app_1 = require("../../support/health-app");
const wait_for_1 = require("../../support/wait-for");
// Runs on every Nest major with the terminus it is tested with (scripts/nest-majors.sh): terminus 10
// only sees a down thrown as HealthCheckError, 12 only a returned one; both must give a 503 with details.
(0, node_test_1.describe)('AckHealthIndicator through terminus (in-memory transport)', () => {
    const broker = new testing_1.InMemoryBroker();
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'health-orders' });
    let health;
    (0, node_test_1.before)(async () => {
        health = await (0, health_app_1.startHealthApp)(server, ['order.created']);
    });
    (0, node_test_1.after)(async () => {
        await health.close();
    });
    (0, node_test_1.it)('reports up with connected, consuming and the queue depth', async () => {
        const answer = await health.check();
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual(answer.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'in-memory',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 0,
            queue: 'health-orders',
            ready: 0,
        });
    });
    (0, node_test_1.it)('reports the backlog and is down above maxBacklog', async () => {
        const idle = new testing_1.InMemoryAckServer({ broker, queue: 'health-waiting' }); // never started: nobody consumes
        const client = new testing_1.InMemoryAckClient({ broker, queue: 'health-waiting' });
        for (let i = 0; i < 3; i++)
            await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { i }));
        client.close();
        strict_1.default.equal(broker.state('health-waiting').ready, 3);
        const answer = await health.check({ maxBacklog: 2, requireConsuming: false }, idle);
        strict_1.default.equal(answer.status, 'error');
        strict_1.default.equal(answer.error?.[health_app_1.HEALTH_KEY].status, 'down');
        strict_1.default.equal(answer.error?.[health_app_1.HEALTH_KEY].backlog, 3);
        strict_1.default.equal(answer.error?.[health_app_1.HEALTH_KEY].error, 'backlog 3 is above maxBacklog 2');
        const within = await health.check({ maxBacklog: 3, requireConsuming: false }, idle);
        strict_1.default.equal(within.status, 'ok');
        const notConsuming = await health.check({}, idle);
        strict_1.default.equal(notConsuming.status, 'error');
        strict_1.default.equal(notConsuming.details[health_app_1.HEALTH_KEY].consuming, false);
        strict_1.default.equal(notConsuming.details[health_app_1.HEALTH_KEY].error, 'the consumer is not receiving');
    });
    (0, node_test_1.it)('reports down when the broker does not answer within timeoutMs, and the probe is not stacked', async () => {
        let probes = 0;
        const hung = { currentStatus: 'connected', probeHealth: () => (probes++, new Promise(() => undefined)) };
        const [first, second] = await Promise.all([health.check({ timeoutMs: 150 }, hung), health.check({ timeoutMs: 150 }, hung)]);
        for (const answer of [first, second]) {
            strict_1.default.equal(answer.status, 'error');
            strict_1.default.deepEqual(answer.error?.[health_app_1.HEALTH_KEY], { status: 'down', state: 'connected', connected: false, error: 'no answer from the broker within 150 ms' });
        }
        strict_1.default.equal(probes, 1, 'two checks at once share one probe');
    });
    (0, node_test_1.it)('reports a failed probe as down with its message, without the credentials of a URL in it', async () => {
        const leaky = { currentStatus: 'connecting', probeHealth: async () => Promise.reject(new Error('cannot reach amqp://orders:s3cret@rabbit.internal:5672/')) };
        strict_1.default.equal((await health.check({}, leaky)).error?.[health_app_1.HEALTH_KEY].error, 'cannot reach amqp://rabbit.internal:5672/');
        const failing = { currentStatus: 'reconnecting', probeHealth: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) };
        const answer = await health.check({}, failing);
        strict_1.default.deepEqual(answer.error?.[health_app_1.HEALTH_KEY], { status: 'down', state: 'reconnecting', connected: false, error: 'connect ECONNREFUSED 127.0.0.1:1' });
    });
    (0, node_test_1.it)('reports down once the server closed', async () => {
        await server.close();
        const answer = await (0, wait_for_1.waitFor)(async () => {
            const a = await health.check();
            return a.status === 'error' ? a : false;
        }, { message: 'a down check after close' });
        if (!answer)
            throw new Error('unreachable: waitFor returns a truthy value');
        strict_1.default.equal(answer.error?.[health_app_1.HEALTH_KEY].state, 'closed');
        strict_1.default.equal(answer.error?.[health_app_1.HEALTH_KEY].consuming, false);
    });
});
//# sourceMappingURL=health-indicator.test.js.map