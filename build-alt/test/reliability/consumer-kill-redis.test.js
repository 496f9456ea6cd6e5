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
const MIN_IDLE_MS = 1000;
const CONCURRENCY = 10; // the workers' in-flight window
(0, node_test_1.describe)('Redis Streams: two consumers share a group', () => {
    const workers = [];
    const client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL });
    const streams = [];
    (0, node_test_1.after)(async () => {
        for (const worker of workers)
            worker.process.kill('SIGKILL');
        await client.close();
        await (0, redis_broker_1.deleteKeys)(streams.flatMap((s) => [s, `${s}:dlq`]));
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    function start(stream, group, name, hangAfter) {
        const worker = (0, redis_workers_1.startRedisWorker)(stream, group, name, MIN_IDLE_MS, hangAfter);
        workers.push(worker);
        return worker;
    }
    (0, node_test_1.it)('one killed with SIGKILL while holding pending entries: the other reclaims and processes all of them, none lost', { timeout: 120_000 }, async () => {
        const stream = (0, names_1.uniqueName)('redis-kill');
        const group = (0, names_1.uniqueName)('group');
        streams.push(stream);
        // After 30 finished handlers, the doomed worker's handlers hang: it is killed holding its window,
        // however fast or slow the machine is (timing alone let both workers drain everything on a loaded CI).
        const doomed = start(stream, group, 'doomed', 30);
        const survivor = start(stream, group, 'survivor');
        await Promise.all([doomed.ready, survivor.ready]);
        const TOTAL = 300;
        await Promise.all(Array.from({ length: TOTAL }, (_, i) => (0, rxjs_1.firstValueFrom)(client.emit(stream, { id: i + 1, ms: 40 }), { defaultValue: undefined })));
        await (0, wait_for_1.waitFor)(() => doomed.processed.length >= 30 && doomed.started.length > doomed.processed.length, {
            timeoutMs: 30_000,
            message: 'the doomed worker processed 30 and has handlers running',
        });
        doomed.process.kill('SIGKILL');
        await doomed.exited;
        const orphaned = (await (0, redis_broker_1.pendingEntries)(stream, group)).filter((entry) => entry.consumer === 'doomed');
        strict_1.default.ok(orphaned.length > 0, 'the killed consumer left pending entries behind');
        strict_1.default.ok(orphaned.length <= CONCURRENCY, `it held at most its window (${orphaned.length})`);
        const all = () => new Set([...doomed.processed, ...survivor.processed]);
        await (0, wait_for_1.waitFor)(() => all().size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${all().size})` });
        await (0, wait_for_1.waitFor)(async () => (await (0, redis_broker_1.outstandingIn)(stream, group)) === 0, { timeoutMs: 10_000, message: 'nothing pending or unread' });
        for (const entry of orphaned) {
            const [[, fields]] = (await (0, redis_broker_1.redisAdmin)().call('XRANGE', stream, entry.id, entry.id));
            const { id } = JSON.parse(fields[fields.indexOf('body') + 1]).data;
            strict_1.default.ok(survivor.processed.includes(id), `the survivor processed orphaned item ${id}`);
        }
        const duplicates = doomed.processed.length + survivor.processed.length - TOTAL;
        strict_1.default.ok(duplicates <= CONCURRENCY, `duplicates ${duplicates} within the in-flight window ${CONCURRENCY}`);
        strict_1.default.deepEqual(await (0, redis_broker_1.pendingEntries)(stream, group), [], 'XPENDING is empty');
    });
    (0, node_test_1.it)(`a handler running 3x minIdleMs is not reclaimed by the other consumer`, { timeout: 60_000 }, async () => {
        const stream = (0, names_1.uniqueName)('redis-lease');
        const group = (0, names_1.uniqueName)('group');
        streams.push(stream);
        const busy = start(stream, group, 'busy');
        await busy.ready;
        const idle = start(stream, group, 'idle');
        await idle.ready;
        await (0, rxjs_1.firstValueFrom)(client.emit(stream, { id: 1, ms: 3 * MIN_IDLE_MS }), { defaultValue: undefined });
        const holder = (await (0, wait_for_1.waitFor)(() => (busy.started.includes(1) ? busy : idle.started.includes(1) ? idle : undefined), { message: 'a consumer started the long handler' }));
        const other = holder === busy ? idle : busy;
        // While it runs (3 s), the other consumer claims every 50 ms whatever is idle for 1 s.
        const samples = [];
        while (!holder.processed.includes(1)) {
            const [entry] = await (0, redis_broker_1.pendingEntries)(stream, group);
            if (entry)
                samples.push(entry);
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await (0, wait_for_1.waitFor)(async () => (await (0, redis_broker_1.outstandingIn)(stream, group)) === 0, { message: 'acked after it finished' });
        strict_1.default.ok(samples.length >= 20, `sampled the pending entry while the handler ran (${samples.length})`);
        strict_1.default.ok(samples.every((s) => s.consumer === holder.name && s.timesDelivered === 1), `never claimed by the other consumer: ${JSON.stringify(samples.filter((s) => s.consumer !== holder.name || s.timesDelivered !== 1))}`);
        strict_1.default.ok(Math.max(...samples.map((s) => s.idleMs)) < MIN_IDLE_MS, 'its idle time stayed below minIdleMs');
        strict_1.default.deepEqual(other.started, [], 'the other consumer never ran it');
        strict_1.default.deepEqual(holder.started, [1], 'it ran once');
    });
});
//# sourceMappingURL=consumer-kill-redis.test.js.map