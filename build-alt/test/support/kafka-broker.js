"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KAFKA_BROKERS = void 0;
exports.testKafka = testKafka;
exports.sharedAdmin = sharedAdmin;
exports.closeSharedAdmin = closeSharedAdmin;
exports.createTopic = createTopic;
exports.deleteTopicsAndGroups = deleteTopicsAndGroups;
exports.partitionOffsets = partitionOffsets;
exports.committedOffset = committedOffset;
exports.uncommitted = uncommitted;
exports.endOffsetTotal = endOffsetTotal;
exports.readTopic = readTopic;
exports.testClient = testClient;
exports.groupMembers = groupMembers;
exports.maxMessageBytes = maxMessageBytes;
exports.setMaxMessageBytes = setMaxMessageBytes;
const kafkajs_1 = require("kafkajs");
const kafka_1 = require("../../lib/kafka");
const topic_leaders_1 = require("../../lib/kafka/topic-leaders");
const broker_urls_1 = require("./broker-urls");
const names_1 = require("./names");
const wait_for_1 = require("./wait-for");
/** The broker under test (env KAFKA_BROKERS). */
exports.KAFKA_BROKERS = broker_urls_1.brokerUrls.kafka;
/** A kafkajs client for test-side work, quiet. */
function testKafka(clientId = 'nestjs-ack-test') {
    return new kafkajs_1.Kafka({ brokers: exports.KAFKA_BROKERS, clientId, logLevel: kafkajs_1.logLevel.NOTHING });
}
let shared;
/** One connected admin client shared by a test file; `closeSharedAdmin()` in `after()`. */
function sharedAdmin() {
    if (!shared) {
        const kafka = testKafka('nestjs-ack-test-admin');
        const admin = kafka.admin();
        shared = { kafka, admin: admin.connect().then(() => admin) };
    }
    return shared.admin;
}
async function closeSharedAdmin() {
    const current = shared;
    shared = undefined;
    if (current)
        await (await current.admin).disconnect();
}
/** Creates topics (waiting for leaders). */
async function createTopic(topic, numPartitions = 1) {
    const admin = await sharedAdmin();
    const topics = Array.isArray(topic) ? topic : [topic];
    await admin.createTopics({ waitForLeaders: false, topics: topics.map((t) => ({ topic: t, numPartitions })) });
    await (0, topic_leaders_1.waitForTopicLeaders)(admin, topics);
}
/** Deletes topics and groups, ignoring the ones already gone. */
async function deleteTopicsAndGroups(topics, groups = []) {
    const admin = await sharedAdmin();
    if (groups.length > 0)
        await admin.deleteGroups(groups).catch(() => undefined);
    const existing = new Set(await admin.listTopics());
    const gone = topics.filter((t) => existing.has(t));
    if (gone.length > 0)
        await admin.deleteTopics({ topics: gone, timeout: 5000 }).catch(() => undefined);
}
/** Per partition: end offset (high watermark), start offset, the group's committed offset (-1 when none). */
async function partitionOffsets(topic, groupId) {
    const admin = await sharedAdmin();
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    return ends.map(({ partition, high, low }) => ({
        partition,
        high: Number(high),
        low: Number(low),
        committed: Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? -1),
    }));
}
/** The group's committed offset of one partition (-1 when none). */
async function committedOffset(topic, groupId, partition = 0) {
    return (await partitionOffsets(topic, groupId)).find((p) => p.partition === partition)?.committed ?? -1;
}
/** Records the group has not committed yet: end offset minus committed offset (start offset when none), summed over partitions. */
async function uncommitted(topic, groupId) {
    return (await partitionOffsets(topic, groupId)).reduce((sum, p) => sum + p.high - (p.committed >= 0 ? p.committed : p.low), 0);
}
/** End offsets summed over the topic's partitions (0 when the topic does not exist). */
async function endOffsetTotal(topic) {
    const admin = await sharedAdmin();
    try {
        return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    }
    catch {
        return 0;
    }
}
/** Reads every record of a topic from the beginning with a throwaway group, up to the end offsets seen at the call. */
async function readTopic(topic, { timeoutMs = 20_000 } = {}) {
    const admin = await sharedAdmin();
    const ends = await admin.fetchTopicOffsets(topic);
    const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
    if (remaining.size === 0)
        return [];
    const groupId = (0, names_1.uniqueName)('reader');
    const consumer = testKafka('nestjs-ack-test-reader').consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000, heartbeatInterval: 500 });
    const records = [];
    try {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
                const end = remaining.get(partition);
                if (end === undefined || Number(message.offset) >= end)
                    return;
                records.push({ ...message, partition });
                if (Number(message.offset) >= end - 1)
                    remaining.delete(partition);
            },
        });
        await (0, wait_for_1.waitFor)(() => remaining.size === 0, { timeoutMs, message: `reading ${topic} to its end` });
    }
    finally {
        await consumer.disconnect().catch(() => undefined);
        await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return records.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}
/** Our client for tests: kafkajs logs only with TEST_LOG=1 (a deleted topic of an earlier test makes metadata noise). */
function testClient(clientId) {
    return new kafka_1.KafkaAckClient({ brokers: exports.KAFKA_BROKERS, clientId, logLevel: process.env.TEST_LOG ? kafkajs_1.logLevel.WARN : kafkajs_1.logLevel.NOTHING });
}
/** Members of a consumer group, as its coordinator lists them (0 when the group is empty or unknown). */
async function groupMembers(groupId) {
    const admin = await sharedAdmin();
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.members.length ?? 0;
}
/** A topic's effective `max.message.bytes`. */
async function maxMessageBytes(topic) {
    const admin = await sharedAdmin();
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: kafkajs_1.ConfigResourceTypes.TOPIC, name: topic, configNames: ['max.message.bytes'] }] });
    return Number(resources[0].configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue);
}
const limitsBeforeChange = new Map();
/**
 * Sets a topic's `max.message.bytes` (its only config override: `alterConfigs` replaces them all),
 * and waits until the broker reports it. `undefined` restores the value it had before the first change.
 */
async function setMaxMessageBytes(topic, bytes) {
    const admin = await sharedAdmin();
    if (!limitsBeforeChange.has(topic))
        limitsBeforeChange.set(topic, await maxMessageBytes(topic));
    const value = bytes ?? limitsBeforeChange.get(topic);
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: kafkajs_1.ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'max.message.bytes', value: String(value) }] }] });
    await (0, wait_for_1.waitFor)(async () => (await maxMessageBytes(topic)) === value, { message: `${topic} max.message.bytes ${value}` });
}
//# sourceMappingURL=kafka-broker.js.map