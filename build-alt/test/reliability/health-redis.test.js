"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const redis_1 = require("../../lib/redis");
const health_app_1 = require("../support/health-app");
const names_1 = require("../support/names");
const private_server_1 = require("../support/private-server");
const redis_broker_1 = require("../support/redis-broker");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.describe)('AckHealthIndicator on Redis Streams (shared server)', { timeout: 60_000 }, () => {
    const stream = (0, names_1.uniqueName)('health');
    const group = (0, names_1.uniqueName)('health-group');
    let health;
    let client;
    let release = () => undefined;
    const gate = new Promise((resolve) => (release = resolve));
    (0, node_test_1.before)(async () => {
        const server = new redis_1.RedisAckServer({ connection: redis_broker_1.REDIS_URL, group, concurrency: 1, deadLetter: false });
        health = await (0, health_app_1.startHealthApp)(server, [stream], { handler: () => gate });
        client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL });
    });
    (0, node_test_1.after)(async () => {
        release();
        await health?.close().catch(() => undefined);
        await client?.close();
        await (0, redis_broker_1.deleteKeys)([stream]);
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    (0, node_test_1.it)('reports up with the group lag and pending count as XINFO GROUPS tells them', async () => {
        for (let i = 0; i < 5; i++)
            await (0, rxjs_1.lastValueFrom)(client.emit(stream, { i }));
        // The handler holds its delivery: the counts settle, then the check and Redis agree.
        const answer = await (0, wait_for_1.waitFor)(async () => {
            const info = await (0, redis_broker_1.groupInfo)(stream, group);
            const a = await health.check();
            const [figures] = a.details[health_app_1.HEALTH_KEY]?.streams;
            return info && Number(info.lag) + Number(info.pending) === 5 && figures.lag === Number(info.lag) && figures.pending === Number(info.pending) ? a : false;
        }, { timeoutMs: 20_000, message: 'the check reporting XINFO GROUPS' });
        if (!answer)
            throw new Error('unreachable');
        const details = answer.details[health_app_1.HEALTH_KEY];
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual({ status: details.status, transport: details.transport, state: details.state, connected: details.connected, consuming: details.consuming, group: details.group }, { status: 'up', transport: 'redis', state: 'connected', connected: true, consuming: true, group });
        const [figures] = details.streams;
        strict_1.default.equal(figures.stream, stream);
        strict_1.default.ok(figures.pending >= 1, 'the held delivery is pending');
        strict_1.default.equal(details.backlog, figures.lag);
        release();
        await (0, wait_for_1.waitFor)(async () => {
            const [f] = (await health.check()).details[health_app_1.HEALTH_KEY]?.streams;
            return f.lag === 0 && f.pending === 0;
        }, { timeoutMs: 20_000, message: 'nothing waiting once the handler is released' });
    });
});
(0, node_test_1.describe)('AckHealthIndicator on Redis Streams (private server, killed and restarted)', { timeout: 120_000 }, () => {
    const port = 26821;
    const redis = new private_server_1.PrivateServer('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], port);
    const stream = (0, names_1.uniqueName)('health');
    let health;
    (0, node_test_1.before)(async () => {
        await redis.start();
        const server = new redis_1.RedisAckServer({ connection: `redis://127.0.0.1:${port}`, group: 'health', deadLetter: false, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } });
        health = await (0, health_app_1.startHealthApp)(server, [stream]);
    });
    (0, node_test_1.after)(async () => {
        await health?.close().catch(() => undefined);
        await redis.kill();
    });
    (0, node_test_1.it)('reports down within 5 s of the server stop, and up after it returns', async () => {
        const { up } = await (0, health_app_1.downThenUp)(health, { label: 'Redis', stop: () => redis.kill(), start: () => redis.start() });
        const details = up.details[health_app_1.HEALTH_KEY];
        strict_1.default.deepEqual({ status: details.status, state: details.state, connected: details.connected, consuming: details.consuming, backlog: details.backlog }, { status: 'up', state: 'connected', connected: true, consuming: true, backlog: 0 });
    });
});
//# sourceMappingURL=health-redis.test.js.map