"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rxjs_1 = require("rxjs");
const core_1 = require("@nestjs/core");
const kafka_1 = require("../../lib/kafka");
const topic_leaders_1 = require("../../lib/kafka/topic-leaders");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const client = (0, kafka_broker_1.testClient)('dlt-failure-test');
(0, node_test_1.after)(async () => {
    await client.close();
    await (0, kafka_broker_1.closeSharedAdmin)();
});
const MB = 1024 * 1024;
/** A Nest logger keeping every line, to count what the server logged. */
function recordingLogger() {
    const lines = [];
    const keep = (level) => (message) => void lines.push({ level, message: String(message) });
    return { lines, log: keep('log'), error: keep('error'), warn: keep('warn'), debug: keep('debug'), verbose: keep('verbose'), fatal: keep('fatal') };
}
(0, node_test_1.describe)('Kafka dead-letter topic unavailable', { timeout: 120_000 }, () => {
    (0, node_test_1.it)('a record the .dlt refuses (2 MB, .dlt at 1 MB) stays unsettled, is logged once, other partitions flow; once the limit is raised it is dead-lettered once', async () => {
        const topic = (0, names_1.uniqueName)('dltbig');
        const dlt = `${topic}.dlt`;
        const groupId = (0, names_1.uniqueName)('g');
        const admin = await (0, kafka_broker_1.sharedAdmin)();
        await admin.createTopics({
            waitForLeaders: false,
            topics: [
                { topic, numPartitions: 2, configEntries: [{ name: 'max.message.bytes', value: String(8 * MB) }] },
                { topic: dlt, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(MB) }] },
            ],
        });
        await (0, topic_leaders_1.waitForTopicLeaders)(admin, [topic, dlt]);
        const producer = (0, kafka_broker_1.testKafka)('dlt-big-producer').producer();
        await producer.connect();
        const big = Buffer.from(JSON.stringify({ big: 'x'.repeat(2 * MB) }));
        const handled = [];
        const module = (0, kafka_test_app_1.handlerModule)(topic, (data, context) => {
            handled.push({ partition: context.getPartition(), deliveryCount: context.getDeliveryCount(), size: data.big?.length ?? 0 });
            if (data.big)
                throw new Error('too big to handle');
        }, 'REJECT_ON_ERROR');
        const logger = recordingLogger();
        const server = new kafka_1.KafkaAckServer({
            ...kafka_conformance_adapter_1.FAST_KAFKA,
            brokers: kafka_broker_1.KAFKA_BROKERS,
            groupId,
            fromBeginning: true,
            retry: { backoff: { type: 'exponential', initialDelayMs: 100, maxDelayMs: 800, jitter: 0 } },
        });
        const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger });
        await app.listen();
        try {
            await producer.send({ topic, acks: -1, messages: [{ partition: 0, value: big }] });
            await (0, wait_for_1.waitFor)(() => handled.filter((h) => h.partition === 0).length >= 4, { timeoutMs: 30_000, message: 'the big record redelivered after refused dead letters' });
            strict_1.default.equal(server.deadLetterFailures, 1, 'the server counts one source whose dead letter is refused');
            strict_1.default.equal(await (0, kafka_broker_1.committedOffset)(topic, groupId, 0), -1, 'the commit does not pass the refused record');
            strict_1.default.equal(await (0, kafka_broker_1.endOffsetTotal)(dlt), 0, 'nothing reached the .dlt');
            // The next good record of another partition flows meanwhile.
            await producer.send({ topic, acks: -1, messages: [{ partition: 1, value: JSON.stringify({ n: 1 }) }] });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId, 1)) === 1, { message: 'the good record of partition 1 handled and committed' });
            const refusals = () => logger.lines.filter((line) => /dead-letter target refused/.test(line.message));
            strict_1.default.equal(refusals().length, 1, `one log line for ${handled.filter((h) => h.partition === 0).length} refusals: ${JSON.stringify(refusals().map((l) => l.message.slice(0, 200)))}`);
            strict_1.default.equal(refusals()[0].level, 'fatal');
            const produceErrors = logger.lines.filter((line) => line.level === 'error' && /larger than the max message size/.test(line.message));
            strict_1.default.deepEqual(produceErrors, [], 'the refused produces are not logged again by kafkajs on each attempt');
            // The operator raises the .dlt's limit: the next retry dead-letters the record, once, and the offset commits.
            await (0, kafka_broker_1.setMaxMessageBytes)(dlt, 9 * MB);
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId, 0)) === 1, { timeoutMs: 30_000, message: 'the refused record dead-lettered and committed' });
            strict_1.default.equal(server.deadLetterFailures, 0);
            const letters = await (0, kafka_broker_1.readTopic)(dlt);
            strict_1.default.equal(letters.length, 1, 'dead-lettered once');
            strict_1.default.ok(letters[0].value.equals(big), 'the dead letter holds the original bytes');
            strict_1.default.equal(letters[0].headers?.['x-dead-letter-reason']?.toString(), 'handler-error');
            strict_1.default.equal(await (0, kafka_broker_1.committedOffset)(topic, groupId, 1), 1, 'nothing lost: both records settled');
        }
        finally {
            await app.close();
            await producer.disconnect();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, dlt], [groupId]);
        }
    });
    (0, node_test_1.it)('createTopics gives a dead-letter topic its source\'s max.message.bytes (plus room for the headers)', async () => {
        const topic = (0, names_1.uniqueName)('dltsize');
        const groupId = (0, names_1.uniqueName)('g');
        const admin = await (0, kafka_broker_1.sharedAdmin)();
        await admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(8 * MB) }] }] });
        await (0, topic_leaders_1.waitForTopicLeaders)(admin, [topic]);
        const { app } = await (0, kafka_test_app_1.startKafkaApp)((0, kafka_test_app_1.handlerModule)(topic, () => undefined), { groupId, createTopics: true });
        try {
            strict_1.default.equal(await (0, kafka_broker_1.maxMessageBytes)(`${topic}.dlt`), 8 * MB + 64 * 1024);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
        }
    });
    (0, node_test_1.it)('a reject whose dead-letter produce fails is nacked: the offset is not committed, the message comes back', async () => {
        const topic = (0, names_1.uniqueName)('dltfail');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        const deliveries = [];
        const module = (0, kafka_test_app_1.handlerModule)(topic, (_data, context) => {
            deliveries.push(context.getDeliveryCount());
            throw new Error('always fails');
        }, 'REJECT_ON_ERROR');
        // An illegal topic name: every dead-letter produce fails.
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, {
            groupId,
            deadLetterTopic: () => 'no such topic!',
            retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
            client: { retry: { retries: 0 } },
        });
        try {
            await (0, rxjs_1.firstValueFrom)(client.emit(topic, { n: 1 }), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(() => deliveries.length >= 3, { timeoutMs: 30_000, message: 'redelivered after failed dead-letter produces' });
            strict_1.default.deepEqual(deliveries.slice(0, 3), [1, 2, 3]);
            strict_1.default.equal(await (0, kafka_broker_1.committedOffset)(topic, groupId), -1, 'never committed past the message');
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
    (0, node_test_1.it)('deadLetterTopic: false drops a rejected message and commits past it', async () => {
        const topic = (0, names_1.uniqueName)('dltoff');
        const groupId = (0, names_1.uniqueName)('g');
        await (0, kafka_broker_1.createTopic)(topic);
        let calls = 0;
        const module = (0, kafka_test_app_1.handlerModule)(topic, () => {
            calls++;
            throw new Error('fails');
        }, 'REJECT_ON_ERROR');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, deadLetterTopic: false });
        try {
            await (0, rxjs_1.firstValueFrom)(client.emit(topic, { n: 1 }), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === 1, { message: 'committed past the dropped message' });
            strict_1.default.equal(calls, 1);
        }
        finally {
            await app.close();
            await (0, kafka_broker_1.deleteTopicsAndGroups)([topic], [groupId]);
        }
    });
});
//# sourceMappingURL=dead-letter-failure-kafka.test.js.map