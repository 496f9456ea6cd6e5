"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const core_1 = require("../../lib/core");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const client = (0, kafka_broker_1.testClient)('offsets-kafka-test');
(0, node_test_1.after)(async () => {
    await client.close();
    await (0, kafka_broker_1.closeSharedAdmin)();
});
const emit = (topic, data) => (0, rxjs_1.firstValueFrom)(client.emit(topic, data), { defaultValue: undefined });
(0, node_test_1.describe)('Kafka committed offsets', { timeout: 120_000 }, () => {
    (0, node_test_1.it)('NACK_ON_ERROR: a handler failing on message 3 of 3 never lets the committed offset pass 2 until it succeeds', async () => {
        const topic = (0, names_1.uniqueName)('nack3');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        const deliveriesOf3 = [];
        const module = (0, kafka_test_app_1.handlerModule)(topic, (data, context) => {
            if (data.i !== 3)
                return;
            deliveriesOf3.push(context.getDeliveryCount());
            if (context.getDeliveryCount() < 4)
                throw new Error('message 3 fails on purpose');
        }, 'NACK_ON_ERROR');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, retry: { maxDeliveries: 10, backoff: { type: 'fixed', initialDelayMs: 300, jitter: 0 } } });
        try {
            for (const i of [1, 2, 3])
                await emit(topic, { i });
            const samples = [];
            while (deliveriesOf3.length < 4) {
                const committed = await (0, kafka_broker_1.committedOffset)(topic, groupId);
                if (deliveriesOf3.length < 4)
                    samples.push(committed); // still failing when read
                strict_1.default.ok(committed <= 2, `committed offset ${committed} passed 2 while message 3 fails`);
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
            strict_1.default.ok(samples.filter((s) => s === 2).length >= 5, `the settled prefix (offset 2) was committed while failing (samples ${samples.length})`);
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 3, { message: 'committed offset 3 after success' });
            strict_1.default.deepEqual(deliveriesOf3, [1, 2, 3, 4]);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('REJECT_ON_ERROR: the committed offset reaches 3 and the record is in the dead-letter topic with its headers', async () => {
        const topic = (0, names_1.uniqueName)('reject3');
        const groupId = (0, names_1.uniqueName)('g');
        const module = (0, kafka_test_app_1.handlerModule)(topic, (data) => {
            if (data.i === 3)
                throw new Error('message 3 fails on purpose');
        }, 'REJECT_ON_ERROR');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, createTopics: true });
        try {
            for (const i of [1, 2])
                await emit(topic, { i });
            await client.produce(topic, { key: 'k3', value: '{"i":3}', headers: { 'x-trace': 'abc', bin: Buffer.from([0xff, 0x01]) } });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 3, { message: 'committed offset 3' });
            const [dead, ...more] = await (0, kafka_broker_1.readTopic)(`${topic}.dlt`);
            strict_1.default.equal(more.length, 0);
            strict_1.default.equal(dead.value.toString(), '{"i":3}', 'the original value');
            strict_1.default.equal(dead.key.toString(), 'k3', 'the original key');
            const header = (name) => dead.headers[name].toString();
            strict_1.default.equal(header('x-trace'), 'abc');
            strict_1.default.deepEqual(dead.headers.bin, Buffer.from([0xff, 0x01]), 'binary headers byte for byte');
            strict_1.default.equal(header(core_1.DeadLetterHeaders.REASON), 'handler-error');
            strict_1.default.equal(header(core_1.DeadLetterHeaders.ERROR_NAME), 'Error');
            strict_1.default.equal(header(core_1.DeadLetterHeaders.ERROR_MESSAGE), 'message 3 fails on purpose');
            strict_1.default.equal(header(core_1.DeadLetterHeaders.DELIVERY_COUNT), '1');
            strict_1.default.deepEqual(JSON.parse(header(core_1.DeadLetterHeaders.SOURCE)), { topic, partition: 0, offset: 2 });
            strict_1.default.ok(!Number.isNaN(Date.parse(header(core_1.DeadLetterHeaders.FIRST_FAILURE_AT))));
            strict_1.default.ok(!Number.isNaN(Date.parse(header(core_1.DeadLetterHeaders.LAST_FAILURE_AT))));
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('1000 messages on one partition, settled out of order after random delays, some nacked: the commit never passes an unsettled offset', async () => {
        // Within a partition handlers start one at a time, in order (strict order). Settlement is
        // pipelined: MANUAL handlers return at once and ack() after a random delay, so up to
        // hundreds of offsets are unsettled at once and settle out of order.
        const topic = (0, names_1.uniqueName)('thousand');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        const total = 1000;
        const settled = new Set();
        const acks = new Map();
        let nacks = 0;
        const module = (0, kafka_test_app_1.handlerModule)(topic, (_data, context) => {
            const offset = Number(context.getOffset());
            const delay = offset % 97 === 0 ? 300 : Math.random() * 30;
            setTimeout(() => {
                if (offset % 50 === 7 && context.getDeliveryCount() === 1) {
                    nacks++;
                    void context.nack({ delayMs: 20 });
                    return;
                }
                settled.add(offset); // recorded before the ack reaches the server
                void context.ack().then((done) => done && acks.set(offset, (acks.get(offset) ?? 0) + 1));
            }, delay);
        }, 'MANUAL');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, concurrency: 8 });
        try {
            let samples = 0;
            let committed = -1;
            const midStream = new Set();
            const sampler = (async () => {
                while (committed < total) {
                    committed = (await (0, kafka_broker_1.partitionOffsets)(topic, groupId))[0].committed;
                    const snapshot = new Set(settled);
                    for (let offset = 0; offset < committed; offset++) {
                        strict_1.default.ok(snapshot.has(offset), `committed offset ${committed} passes unsettled offset ${offset}`);
                    }
                    samples++;
                    if (committed > 0 && committed < total)
                        midStream.add(committed);
                    if (samples > 20_000)
                        strict_1.default.fail(`the commit did not reach ${total} (at ${committed})`);
                    await new Promise((resolve) => setTimeout(resolve, 5));
                }
            })();
            for (let start = 0; start < total; start += 10) {
                const records = Array.from({ length: 10 }, (_, k) => ({ value: JSON.stringify({ i: start + k }) }));
                const producer = await client.connect();
                await producer.send({ topic, acks: -1, messages: records });
            }
            await sampler;
            strict_1.default.equal(committed, total);
            strict_1.default.equal(acks.size, total, 'every message acked');
            strict_1.default.ok([...acks.values()].every((count) => count === 1), 'each exactly once');
            strict_1.default.ok(nacks >= 19, `nacks happened (${nacks})`);
            // Every 97th message holds the commit for 300 ms, so the commit moves in few, large steps (a fast run took 4):
            // seeing 3 of them mid-stream shows the sampling ran throughout.
            strict_1.default.ok(midStream.size >= 3, `sampled throughout: ${samples} samples, ${midStream.size} distinct commits mid-stream`);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('ACK_FIRST commits before the handler runs', async () => {
        const topic = (0, names_1.uniqueName)('ackfirst');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        let release;
        const gate = new Promise((resolve) => (release = resolve));
        let started = false;
        const module = (0, kafka_test_app_1.handlerModule)(topic, async () => {
            started = true;
            await gate;
        }, 'ACK_FIRST');
        // A long coalescing window: only the ACK_FIRST flush can commit in time.
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, commitInterval: 60_000, commitEveryN: 1000 });
        try {
            await emit(topic, { i: 1 });
            await (0, wait_for_1.waitFor)(() => started, { message: 'the handler running' });
            strict_1.default.equal(await (0, kafka_broker_1.committedOffset)(topic, groupId), 1, 'committed while the handler still runs');
        }
        finally {
            release();
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
    (0, node_test_1.it)('a rebalance commits the settled prefix before the partitions are given up', async () => {
        const topic = (0, names_1.uniqueName)('rebalance');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic, 4);
        const handled = [];
        const module = (0, kafka_test_app_1.handlerModule)(topic, (_data, context) => void handled.push(`${context.getPartition()}/${context.getOffset()}`), 'ACK');
        // No coalescing trigger fires within the test: commits come only from the rebalance flush.
        const slow = { groupId, commitInterval: 600_000, commitEveryN: 100_000, shutdownTimeoutMs: 1000 };
        const first = await (0, kafka_test_app_1.startKafkaApp)(module, slow);
        let second;
        try {
            for (let i = 0; i < 20; i++)
                await emit(topic, { i });
            await (0, wait_for_1.waitFor)(() => handled.length === 20, { message: '20 handled by the first consumer' });
            strict_1.default.equal((await (0, kafka_broker_1.partitionOffsets)(topic, groupId)).reduce((sum, p) => sum + Math.max(0, p.committed), 0), 0, 'nothing committed yet');
            second = await (0, kafka_test_app_1.startKafkaApp)(module, slow); // joins: the first consumer rebalances
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.partitionOffsets)(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 20_000, message: 'every partition committed to its end' });
            strict_1.default.equal(handled.length, 20, 'no partition re-read by the new member');
        }
        finally {
            await second?.app.close();
            await first.app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
});
//# sourceMappingURL=offsets-kafka.test.js.map