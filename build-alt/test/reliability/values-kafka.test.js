"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../lib/core");
const kafka_broker_1 = require("../support/kafka-broker");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
(0, node_test_1.after)(() => (0, kafka_broker_1.closeSharedAdmin)());
const INVALID_UTF8_JSON = Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
/** Values as other producers put them on a topic, then one JSON record. */
const VALUES = [Buffer.from('plain text'), Buffer.alloc(0), null, INVALID_UTF8_JSON, Buffer.from('{"n":1}')];
/** Produces VALUES to a fresh one-partition topic with kafkajs, runs a server with `options`; returns what the handler saw and the dead letters. */
async function run(options) {
    const topic = (0, names_1.uniqueName)('values');
    const groupId = (0, names_1.uniqueName)('g');
    await (0, kafka_broker_1.createTopic)([topic, `${topic}.dlt`]);
    const producer = (0, kafka_broker_1.testKafka)('values-producer').producer();
    await producer.connect();
    const handled = [];
    const { app } = await (0, kafka_test_app_1.startKafkaApp)((0, kafka_test_app_1.handlerModule)(topic, (data) => void handled.push(data), 'ACK'), { groupId, ...options });
    try {
        await producer.send({ topic, acks: -1, messages: VALUES.map((value) => ({ value })) });
        await (0, wait_for_1.waitFor)(async () => (await (0, kafka_broker_1.committedOffset)(topic, groupId)) === VALUES.length, { timeoutMs: 20_000, message: 'every record settled' });
        const letters = await (0, kafka_broker_1.readTopic)(`${topic}.dlt`);
        return { handled, letters: letters.map((l) => ({ value: l.value, reason: l.headers?.[core_1.DeadLetterHeaders.REASON]?.toString() })) };
    }
    finally {
        await app.close();
        await producer.disconnect();
        await (0, kafka_broker_1.deleteTopicsAndGroups)([topic, `${topic}.dlt`], [groupId]);
    }
}
(0, node_test_1.describe)('Kafka record values from other producers', { timeout: 120_000 }, () => {
    (0, node_test_1.it)("default nonJsonValues 'pass': text as a string, empty as '', tombstone as null; invalid UTF-8 dead-lettered as deserialization with its bytes", async () => {
        const { handled, letters } = await run({});
        strict_1.default.deepEqual(handled, ['plain text', '', null, { n: 1 }]);
        strict_1.default.equal(letters.length, 1);
        strict_1.default.equal(letters[0].reason, 'deserialization');
        strict_1.default.ok(letters[0].value?.equals(INVALID_UTF8_JSON), 'the original bytes, untouched');
    });
    (0, node_test_1.it)("nonJsonValues 'reject': everything that is not JSON is dead-lettered as deserialization, untouched, and JSON still flows", async () => {
        const { handled, letters } = await run({ nonJsonValues: 'reject' });
        strict_1.default.deepEqual(handled, [{ n: 1 }]);
        strict_1.default.deepEqual(letters.map((l) => l.reason), ['deserialization', 'deserialization', 'deserialization', 'deserialization']);
        strict_1.default.deepEqual(letters.map((l) => l.value), VALUES.slice(0, 4).map((v) => (v === null ? null : v)));
    });
});
//# sourceMappingURL=values-kafka.test.js.map