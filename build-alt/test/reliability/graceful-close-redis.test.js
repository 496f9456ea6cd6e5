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
const names_1 = require("../support/names");
const redis_broker_1 = require("../support/redis-broker");
const redis_workers_1 = require("../support/redis-workers");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.describe)('Redis Streams: graceful close (SIGTERM) mid-stream', () => {
    const stream = (0, names_1.uniqueName)('redis-sigterm');
    const group = (0, names_1.uniqueName)('group');
    const client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL });
    const workers = [];
    (0, node_test_1.after)(async () => {
        for (const worker of workers)
            worker.process.kill('SIGKILL');
        await client.close();
        await (0, redis_broker_1.deleteKeys)([stream, `${stream}:dlq`]);
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    (0, node_test_1.it)('in-flight handlers finish and are acked, nothing is left pending, the next consumer processes the rest: no loss, no duplicate', { timeout: 60_000 }, async () => {
        const first = (0, redis_workers_1.startRedisWorker)(stream, group, 'first', 30_000);
        workers.push(first);
        await first.ready;
        const TOTAL = 200;
        for (let id = 1; id <= TOTAL; id++)
            await (0, rxjs_1.firstValueFrom)(client.emit(stream, { id, ms: 50 }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => first.processed.length >= 20, { timeoutMs: 20_000, message: '20 processed' });
        first.process.kill('SIGTERM');
        await first.exited;
        strict_1.default.equal(first.process.exitCode, 0, 'closed cleanly');
        strict_1.default.deepEqual(first.started.filter((id) => !first.processed.includes(id)), [], 'every handler it started finished');
        // Entries of a read that was on the wire at the close are handed back at once (claimable, delivery not counted);
        // nothing else stays pending (a minIdle of 30 s would hide a leftover from the next consumer).
        const left = await (0, redis_broker_1.pendingEntries)(stream, group);
        strict_1.default.ok(left.every((entry) => entry.idleMs >= 30_000 && entry.timesDelivered === 0), `only returned entries stay pending: ${JSON.stringify(left)}`);
        if (left.length === 0)
            strict_1.default.deepEqual(await (0, redis_broker_1.consumersOf)(stream, group), [], 'it left the group');
        strict_1.default.equal(await (0, redis_broker_1.outstandingIn)(stream, group), TOTAL - first.processed.length, 'the rest waits unread');
        const second = (0, redis_workers_1.startRedisWorker)(stream, group, 'second', 30_000);
        workers.push(second);
        await second.ready;
        await (0, wait_for_1.waitFor)(() => first.processed.length + second.processed.length >= TOTAL, { timeoutMs: 30_000, message: 'everything processed' });
        await (0, wait_for_1.waitFor)(async () => (await (0, redis_broker_1.outstandingIn)(stream, group)) === 0, { message: 'all acked' });
        const all = [...first.processed, ...second.processed].sort((a, b) => a - b);
        strict_1.default.deepEqual(all, Array.from({ length: TOTAL }, (_, i) => i + 1), 'each id exactly once');
    });
});
//# sourceMappingURL=graceful-close-redis.test.js.map