"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const kafkajs_1 = require("kafkajs");
const kafka_1 = require("../../lib/kafka");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
/**
 * A broker of this test's own (the shared one on 9092 must not restart under other tests),
 * started and restarted with the project's scripts/kafka.sh on another port.
 */
const BROKER = process.env.KAFKA_RESTART_BROKER ?? '127.0.0.1:29092';
const script = (0, node_path_1.join)(__dirname, '../../../scripts/kafka.sh');
const kafkaSh = (command) => run('bash', [script, command], { env: { ...process.env, KAFKA_BROKERS: BROKER }, timeout: 240_000 });
(0, node_test_1.describe)('Kafka broker restarted mid-stream', { timeout: 300_000 }, () => {
    (0, node_test_1.before)(() => kafkaSh('start'));
    (0, node_test_1.after)(() => kafkaSh('stop'));
    (0, node_test_1.it)('ACK: every message is processed and committed; none lost', async () => {
        const topic = (0, names_1.uniqueName)('restart');
        const groupId = (0, names_1.uniqueName)('g');
        const processed = new Map();
        const module = (0, kafka_test_app_1.handlerModule)(topic, async (data) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            processed.set(data.id, (processed.get(data.id) ?? 0) + 1);
        }, 'ACK');
        const { app } = await (0, kafka_test_app_1.startKafkaApp)(module, { groupId, brokers: [BROKER], createTopics: { numPartitions: 2 }, concurrency: 2 });
        const client = new kafka_1.KafkaAckClient({ brokers: [BROKER], clientId: 'broker-restart-test', logLevel: kafkajs_1.logLevel.NOTHING });
        const publish = async (from, count) => {
            for (let id = from; id < from + count; id += 20) {
                await client.produce(topic, { value: JSON.stringify({ id }) });
                const producer = await client.connect();
                await producer.send({ topic, acks: -1, messages: Array.from({ length: 19 }, (_, k) => ({ value: JSON.stringify({ id: id + k + 1 }) })) });
            }
        };
        try {
            await publish(0, 400);
            await (0, wait_for_1.waitFor)(() => processed.size >= 50, { timeoutMs: 30_000, message: '50 processed before the restart' });
            strict_1.default.ok(processed.size < 400, 'restarted mid-stream');
            await kafkaSh('restart');
            await (0, wait_for_1.waitFor)(async () => {
                await publish(400, 200);
                return true;
            }, { timeoutMs: 60_000, intervalMs: 1000, message: 'publishing after the restart' });
            await (0, wait_for_1.waitFor)(() => processed.size === 600, { timeoutMs: 120_000, intervalMs: 200, message: `all 600 processed (have ${processed.size})` });
            const admin = new kafkajs_1.Kafka({ brokers: [BROKER], logLevel: kafkajs_1.logLevel.NOTHING }).admin();
            await admin.connect();
            try {
                await (0, wait_for_1.waitFor)(async () => {
                    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
                    return ends.every((end) => committed.partitions.find((p) => p.partition === end.partition)?.offset === end.high);
                }, { timeoutMs: 60_000, message: 'committed offsets at the end' });
            }
            finally {
                await admin.disconnect();
            }
        }
        finally {
            await client.close();
            await app.close();
        }
    });
});
//# sourceMappingURL=broker-restart-kafka.test.js.map