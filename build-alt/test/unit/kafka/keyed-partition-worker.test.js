"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const commit_coalescer_1 = require("../../../lib/kafka/commit-coalescer");
const kafka_commands_1 = require("../../../lib/kafka/kafka-commands");
const keyed_partition_worker_1 = require("../../../lib/kafka/keyed-partition-worker");
const ordered_partition_worker_1 = require("../../../lib/kafka/ordered-partition-worker");
const partition_fetch_1 = require("../../../lib/kafka/partition-fetch");
const wait_for_1 = require("../../support/wait-for");
const recording_fetch_control_1 = require("./recording-fetch-control");
function record(offset, key) {
    return { offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} };
}
/**
 * A worker on a fake consumer, settled through the real `KafkaCommands` and
 * `CommitCoalescer` (commits confirmed back to the worker, as the server wires them).
 */
function setup(decide, options) {
    const calls = [];
    const commits = [];
    const delivered = [];
    const hurried = [];
    let running = 0;
    let maxRunning = 0;
    let settledBelowCommit = true;
    const settledOffsets = new Set();
    const control = (0, recording_fetch_control_1.recordingFetchControl)(calls);
    let worker;
    const coalescer = new commit_coalescer_1.CommitCoalescer({
        intervalMs: 1,
        everyN: 1,
        onError: () => undefined,
        onCommitted: (_topic, _partition, offset) => worker.committed(offset),
    });
    coalescer.use({
        commitOffsets: async (offsets) => {
            await (0, wait_for_1.waitFor)(() => (options.commitsFlow ?? (() => true))(), { intervalMs: 2 });
            for (const { offset } of offsets) {
                commits.push(Number(offset));
                for (let below = 0; below < Number(offset); below++)
                    if (!settledOffsets.has(below))
                        settledBelowCommit = false;
            }
        },
    });
    const commands = new kafka_commands_1.KafkaCommands(coalescer, undefined);
    const settings = {
        handle: async (message) => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            delivered.push({ offset: Number(message.offset), key: message.recordKey?.toString() ?? null, count: message.deliveryCount });
            try {
                await decide(commands, message);
            }
            finally {
                running--;
            }
        },
        maxQueued: 1000,
        maxUncommitted: options.maxUncommitted ?? 10_000,
        concurrency: options.concurrency ?? 10,
        hurryCommit: (topic, partition) => {
            hurried.push(delivered.length);
            coalescer.hurry(topic, partition);
        },
        reportError: (error) => {
            throw error;
        },
    };
    const fetch = new partition_fetch_1.PartitionFetch('t', 0, control);
    worker = options.ordering === 'partition' ? new ordered_partition_worker_1.OrderedPartitionWorker('t', 0, fetch, settings) : new keyed_partition_worker_1.KeyedPartitionWorker('t', 0, fetch, settings, options.ordering);
    const ack = async (message) => {
        settledOffsets.add(Number(message.offset));
        await commands.ack(message, { durable: false });
    };
    return {
        worker,
        calls,
        delivered,
        hurried,
        ack,
        commands,
        lastCommit: () => commits.at(-1) ?? -1,
        maxRunning: () => maxRunning,
        neverPassedUnsettled: () => settledBelowCommit,
        stop: () => coalescer.stop(),
    };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function perKey(delivered) {
    const keys = new Map();
    for (const { offset, key } of delivered)
        keys.set(key, [...(keys.get(key) ?? []), offset]);
    return keys;
}
(0, node_test_1.describe)('KeyedPartitionWorker', () => {
    (0, node_test_1.it)("ordering 'key': per key in offset order, keys side by side up to concurrency; the commit never passes a waiting record", async () => {
        let seed = 3;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
        const fake = setup(async (_commands, message) => {
            await sleep(random() * 4);
            await fake.ack(message);
        }, { ordering: 'key', concurrency: 4 });
        const keys = ['a', 'b', 'c', 'd', 'e', null];
        const records = Array.from({ length: 200 }, (_, offset) => record(offset, keys[Math.floor(random() * keys.length)]));
        fake.worker.enqueue(records.slice(0, 120));
        fake.worker.enqueue(records.slice(120));
        await (0, wait_for_1.waitFor)(() => fake.lastCommit() === 200, { message: 'everything committed' });
        strict_1.default.equal(fake.delivered.length, 200);
        for (const [key, offsets] of perKey(fake.delivered))
            strict_1.default.deepEqual(offsets, [...offsets].sort((x, y) => x - y), `key ${key} in order`);
        strict_1.default.ok(fake.maxRunning() > 1 && fake.maxRunning() <= 4, `ran ${fake.maxRunning()} at once`);
        strict_1.default.ok(fake.neverPassedUnsettled(), 'no commit passed an unsettled offset');
        fake.stop();
    });
    (0, node_test_1.it)("ordering 'key': a nack holds back only its key, which comes back from memory after the delay (no pause, no seek)", async () => {
        let failures = 1;
        let commitAtRetry;
        const fake = setup(async (commands, message) => {
            if (message.offset === '0' && failures-- > 0)
                return commands.nack(message, 200);
            if (message.offset === '0')
                commitAtRetry = fake.lastCommit();
            await fake.ack(message);
        }, { ordering: 'key' });
        fake.worker.enqueue([record(0, 'a'), record(1, 'b'), record(2, 'a'), record(3, 'b'), record(4, 'c')]);
        await (0, wait_for_1.waitFor)(() => fake.lastCommit() === 5);
        strict_1.default.deepEqual(fake.delivered.slice(0, 4).map((d) => d.offset).sort(), [0, 1, 3, 4], 'keys b and c flow while a waits');
        strict_1.default.ok(commitAtRetry !== undefined && commitAtRetry <= 0, `the commit stays at the nacked offset 0 until it is retried (was ${commitAtRetry})`);
        strict_1.default.deepEqual(fake.delivered.filter((d) => d.key === 'a').map((d) => [d.offset, d.count]), [[0, 1], [0, 2], [2, 1]]);
        strict_1.default.deepEqual(fake.calls, [], 'the partition was never paused nor sought');
        fake.stop();
    });
    (0, node_test_1.it)("ordering 'none': any order, up to concurrency at once, and a nack holds back nothing else", async () => {
        let failures = 1;
        const fake = setup(async (commands, message) => {
            await sleep(5);
            if (message.offset === '1' && failures-- > 0)
                return commands.nack(message, 500);
            await fake.ack(message);
        }, { ordering: 'none', concurrency: 3 });
        fake.worker.enqueue(Array.from({ length: 12 }, (_, offset) => record(offset, 'same')));
        await (0, wait_for_1.waitFor)(() => fake.lastCommit() === 12);
        strict_1.default.equal(fake.maxRunning(), 3);
        strict_1.default.deepEqual(fake.delivered.filter((d) => d.offset === 1).map((d) => d.count), [1, 2]);
        strict_1.default.ok(fake.delivered.findIndex((d) => d.offset === 11) < fake.delivered.map((d) => d.offset).lastIndexOf(1), 'later records ran before the retry');
        fake.stop();
    });
    for (const ordering of ['partition', 'key']) {
        (0, node_test_1.it)(`ordering '${ordering}': hands out at most maxUncommitted offsets past the confirmed commit, asks for it, and goes on once it is confirmed`, async () => {
            let flowing = false;
            const fake = setup((_commands, message) => fake.ack(message), { ordering, maxUncommitted: 5, commitsFlow: () => flowing });
            fake.worker.enqueue(Array.from({ length: 20 }, (_, offset) => record(offset, `k${offset % 3}`)));
            await (0, wait_for_1.waitFor)(() => fake.delivered.length === 5);
            await sleep(30);
            strict_1.default.equal(fake.delivered.length, 5, 'offsets 0-4 handled, 5 waits for a commit');
            strict_1.default.equal(fake.hurried.length, 1, 'the commit was asked for once');
            flowing = true;
            await (0, wait_for_1.waitFor)(() => fake.lastCommit() === 20);
            strict_1.default.deepEqual(fake.delivered.map((d) => d.offset).sort((x, y) => x - y), Array.from({ length: 20 }, (_, k) => k));
            fake.stop();
        });
    }
    (0, node_test_1.it)("ordering 'key': a record that stays unsettled stops its partition a window past it, not before", async () => {
        const fake = setup((_commands, message) => (message.offset === '0' ? undefined : fake.ack(message)), { ordering: 'key', maxUncommitted: 6 });
        fake.worker.enqueue(Array.from({ length: 10 }, (_, offset) => record(offset, `k${offset}`)));
        await (0, wait_for_1.waitFor)(() => fake.delivered.length === 6);
        await sleep(30);
        strict_1.default.deepEqual(fake.delivered.map((d) => d.offset), [0, 1, 2, 3, 4, 5]);
        fake.stop();
    });
});
//# sourceMappingURL=keyed-partition-worker.test.js.map