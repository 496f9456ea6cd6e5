"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.after)(() => (0, kafka_broker_1.closeSharedAdmin)());
/** A small seeded generator (LCG): the same keys and delays on every run. */
function seeded(seed) {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}
/** Produces `records` with their keys, in this order, with kafkajs's own producer (one send keeps per-partition order). */
async function produce(topic, records) {
    const producer = (0, kafka_broker_1.testKafka)('key-ordering-test').producer();
    await producer.connect();
    try {
        await producer.send({ topic, acks: -1, messages: records.map(({ key, value }) => ({ key, value: JSON.stringify(value) })) });
    }
    finally {
        await producer.disconnect();
    }
}
async function allCommitted(topic, groupId) {
    return (await (0, kafka_broker_1.partitionOffsets)(topic, groupId)).every((p) => p.committed === p.high);
}
(0, node_test_1.describe)("Kafka ordering: 'key'", { timeout: 120_000 }, () => {
    (0, node_test_1.it)('1,000 records over 20 keys on 3 partitions, random handler delays: each key in produce order, keys in parallel, all committed', async () => {
        const topic = (0, names_1.uniqueName)('keyorder');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic, 3);
        const random = seeded(20);
        const records = Array.from({ length: 1000 }, (_, seq) => ({ key: `k${Math.floor(random() * 20)}`, value: { seq, delayMs: Math.floor(random() * 6) } }));
        const seen = new Map();
        const finished = new Map();
        const keysRunning = new Set();
        const overlaps = [];
        let running = 0;
        let maxRunning = 0;
        const module = (0, kafka_test_app_1.handlerModule)(topic, async (data, context) => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            const key = context.getKey().toString();
            if (keysRunning.has(key))
                overlaps.push(`${key}:${data.seq}`);
            keysRunning.add(key);
            seen.set(key, [...(seen.get(key) ?? []), data.seq]);
            await new Promise((resolve) => setTimeout(resolve, data.delayMs));
            finished.set(key, [...(finished.get(key) ?? []), data.seq]);
            keysRunning.delete(key);
            running--;
        }, 'ACK');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, ordering: 'key', concurrency: 12 });
        try {
            await produce(topic, records);
            await (0, wait_for_1.waitFor)(() => allCommitted(topic, groupId), { timeoutMs: 60_000, message: 'every partition committed to its end' });
            const handled = [...seen.values()].flat();
            strict_1.default.equal(new Set(handled).size, 1000, 'every record handled');
            strict_1.default.equal(handled.length, 1000, 'none twice');
            strict_1.default.deepEqual(overlaps, [], 'a record started while an earlier one of its key was still running');
            for (const [key, seqs] of seen)
                strict_1.default.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `key ${key} started in produce order`);
            for (const [key, seqs] of finished)
                strict_1.default.deepEqual(seqs, seen.get(key), `key ${key} finished in produce order`);
            strict_1.default.equal(seen.size, 20);
            strict_1.default.ok(maxRunning > 3, `more handlers at once than partitions (${maxRunning})`);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('a nacked record holds back only its key: other keys of its partition flow, the commit waits at it, its key resumes in order after it', async () => {
        const topic = (0, names_1.uniqueName)('keynack');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic, 1);
        const records = [
            { key: 'stuck', value: { name: 'stuck-0' } },
            { key: 'stuck', value: { name: 'stuck-1' } },
            ...Array.from({ length: 20 }, (_, i) => ({ key: `other-${i % 5}`, value: { name: `other-${i}` } })),
            { key: 'stuck', value: { name: 'stuck-2' } },
        ];
        const events = [];
        let released = false;
        const module = (0, kafka_test_app_1.handlerModule)(topic, (data, context) => {
            events.push(`${data.name}#${context.getDeliveryCount()}`);
            if (data.name === 'stuck-0' && !released)
                throw new Error('stuck-0 fails until released');
        }, 'NACK_ON_ERROR');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, {
            groupId,
            ordering: 'key',
            retry: { maxDeliveries: 1000, backoff: { type: 'fixed', initialDelayMs: 50, jitter: 0 } },
        });
        try {
            await produce(topic, records);
            await (0, wait_for_1.waitFor)(() => events.filter((e) => e.startsWith('other-')).length === 20, { timeoutMs: 30_000, message: 'the 20 records of other keys handled' });
            await (0, wait_for_1.waitFor)(() => events.filter((e) => e.startsWith('stuck-0#')).length >= 2, { message: 'stuck-0 redelivered' });
            strict_1.default.ok(!events.some((e) => e.startsWith('stuck-1') || e.startsWith('stuck-2')), `the stuck key's later records wait: ${events.join(' ')}`);
            // Every other record is settled, yet the group's commit stays at stuck-0 (offset 0).
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.partitionOffsets)(topic, groupId))[0].committed === 0, { message: 'committed offset 0 (the other keys settled, stuck-0 not)' });
            released = true;
            await (0, wait_for_1.waitFor)(() => allCommitted(topic, groupId), { timeoutMs: 30_000, message: 'committed to the end once stuck-0 succeeds' });
            const stuck = events.filter((e) => e.startsWith('stuck-'));
            const firstDone = stuck.lastIndexOf(stuck.filter((e) => e.startsWith('stuck-0#')).at(-1));
            strict_1.default.deepEqual(stuck.slice(firstDone + 1), ['stuck-1#1', 'stuck-2#1'], `the stuck key in order after stuck-0 succeeded: ${stuck.join(' ')}`);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
});
//# sourceMappingURL=key-ordering-kafka.test.js.map