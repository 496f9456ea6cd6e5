"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const names_1 = require("../support/names");
const redis_broker_1 = require("../support/redis-broker");
const redis_conformance_adapter_1 = require("../support/redis-conformance-adapter");
const wait_for_1 = require("../support/wait-for");
const cells_1 = require("./cells");
const probe_1 = require("./probe");
const suite_1 = require("./suite");
// One stream per pattern, a fresh consumer group per test, dead letters to `<stream>:dlq`.
(0, suite_1.runConformanceSuite)((0, redis_conformance_adapter_1.redisConformanceAdapter)());
const FAST_RETRY = { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 20, jitter: 0 } };
/** The Redis facts behind the contract: XPENDING, XINFO GROUPS / CONSUMERS and the dead-letter stream, read from Redis. */
(0, node_test_1.describe)('ack contract on redis streams: broker state', () => {
    const adapter = (0, redis_conformance_adapter_1.redisConformanceAdapter)();
    (0, node_test_1.after)(() => (0, redis_broker_1.closeRedisAdmin)());
    async function withCell(cell, body, retry = FAST_RETRY) {
        const target = await adapter.start({ module: (0, cells_1.buildModule)([cell]), patterns: [cell.pattern], serverOptions: { retry } });
        target.server.on('handled', (event) => (0, probe_1.probeFor)(event.pattern).handled.push(event));
        try {
            await body(target, target.server);
        }
        finally {
            await target.close();
        }
    }
    (0, node_test_1.it)('a nacked entry stays pending with its consumer; XPENDING times-delivered is the delivery count', { timeout: 30_000 }, async () => {
        // Nacked on deliveries 1 and 2, then completes under MANUAL without settling: pending, delivered 3 times.
        const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'MANUAL', failUntilDelivery: 3, nackDelayMs: 30 };
        await withCell(cell, async (target, server) => {
            await target.emit(cell.pattern, { n: 42 });
            await (0, wait_for_1.waitFor)(() => (0, probe_1.probeFor)(cell.pattern).handled.length === 3, { message: 'three deliveries' });
            strict_1.default.deepEqual((0, probe_1.probeFor)(cell.pattern).handled.map((e) => e.deliveryCount), [1, 2, 3]);
            const pending = await (0, redis_broker_1.pendingEntries)(cell.pattern, server.brokerSettings.group);
            strict_1.default.equal(pending.length, 1, 'XPENDING count');
            strict_1.default.equal(pending[0].timesDelivered, 3, 'XPENDING times-delivered');
            strict_1.default.equal(pending[0].consumer, server.brokerSettings.consumer);
            const info = await (0, redis_broker_1.groupInfo)(cell.pattern, server.brokerSettings.group);
            strict_1.default.equal(Number(info?.pending), 1, 'XINFO GROUPS pending');
            strict_1.default.equal(Number(info?.['entries-read']), 1, 'XINFO GROUPS entries-read: read once, redelivered by reclaims');
            strict_1.default.equal(await target.consumers(cell.pattern), 1, 'one consumer in the group');
            strict_1.default.equal(await (0, probe_1.probeFor)(cell.pattern).lastContext.ack(), true);
            await (0, wait_for_1.waitForEqual)(async () => (await (0, redis_broker_1.pendingEntries)(cell.pattern, server.brokerSettings.group)).length, 0, { message: 'XPENDING after the ack' });
        });
    });
    (0, node_test_1.it)('a dead letter is XADDed to <stream>:dlq with the original fields and x-dead-letter-* fields, and the source XACKed', { timeout: 30_000 }, async () => {
        const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR' };
        await withCell(cell, async (target, server) => {
            await target.emit(cell.pattern, { n: 42 });
            const [entry] = (await (0, wait_for_1.waitFor)(async () => {
                const entries = await (0, redis_broker_1.deadLettersIn)(`${cell.pattern}:dlq`);
                return entries.length > 0 ? entries : undefined;
            }, { message: 'the dead letter' }));
            const text = (name) => entry.fields.get(name)?.toString('utf8');
            strict_1.default.deepEqual(JSON.parse(text('body')), { pattern: cell.pattern, data: { n: 42 } }, 'the original body field');
            strict_1.default.equal(text('x-dead-letter-reason'), 'max-deliveries');
            strict_1.default.equal(text('x-dead-letter-delivery-count'), '3');
            strict_1.default.equal(text('x-dead-letter-error-message'), 'handler failed on purpose');
            const source = JSON.parse(text('x-dead-letter-source'));
            strict_1.default.equal(source.stream, cell.pattern);
            strict_1.default.equal(source.group, server.brokerSettings.group);
            strict_1.default.deepEqual(await (0, redis_broker_1.pendingEntries)(cell.pattern, server.brokerSettings.group), [], 'XPENDING is empty');
            const info = await (0, redis_broker_1.groupInfo)(cell.pattern, server.brokerSettings.group);
            strict_1.default.equal(Number(info?.pending), 0);
            strict_1.default.equal(info?.['last-delivered-id'], source.id, 'XINFO GROUPS last-delivered-id is the dead-lettered entry');
        });
    });
    (0, node_test_1.it)('a refused dead-letter XADD leaves the source pending (nothing acked); once accepted again, exactly one dead letter', { timeout: 30_000 }, async () => {
        const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'REJECT_ON_ERROR' };
        await withCell(cell, async (target, server) => {
            const refusals = [];
            server.on('error', (error) => refusals.push(error));
            await target.blockDeadLetters(cell.pattern, true);
            await target.emit(cell.pattern, { n: 42 });
            await (0, wait_for_1.waitFor)(() => refusals.filter((e) => e.name === 'DeadLetterRefusedError').length >= 2, { message: 'the dead-letter target refused twice' });
            strict_1.default.equal((await (0, redis_broker_1.pendingEntries)(cell.pattern, server.brokerSettings.group)).length, 1, 'the source stays pending');
            strict_1.default.ok(server.deadLetterFailures >= 1);
            await target.blockDeadLetters(cell.pattern, false);
            await (0, wait_for_1.waitForEqual)(async () => (await target.deadLetters(cell.pattern)).length, 1, { message: 'one dead letter' });
            await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0, { message: 'outstanding' });
            strict_1.default.equal((await target.deadLetters(cell.pattern))[0].reason, 'handler-error');
        });
    });
    (0, node_test_1.it)('a closed server leaves the group: no consumer remains when it held nothing pending', { timeout: 30_000 }, async () => {
        const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
        await withCell(cell, async (target, server) => {
            await target.emit(cell.pattern, { n: 42 });
            await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0);
            strict_1.default.deepEqual((await (0, redis_broker_1.consumersOf)(cell.pattern, server.brokerSettings.group)).map((c) => c.name), [server.brokerSettings.consumer]);
            await target.app.close();
            strict_1.default.equal(await target.consumers(cell.pattern), 0);
            strict_1.default.ok(await (0, redis_broker_1.groupInfo)(cell.pattern, server.brokerSettings.group), 'the group itself stays');
        });
    });
});
//# sourceMappingURL=redis.conformance.test.js.map