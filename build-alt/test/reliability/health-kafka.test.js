"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const kafkajs_1 = require("kafkajs");
const kafka_1 = require("../../lib/kafka");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const health_app_1 = require("../support/health-app");
const names_1 = require("../support/names");
const private_cluster_1 = require("../support/private-cluster");
const wait_for_1 = require("../support/wait-for");
// A Kafka broker of this file's own (port 19672, controller 19772): killing it never disturbs the shared one.
const cluster = new private_cluster_1.PrivateCluster('kafka', { CLUSTER_NAME: 'healthk', KAFKA_PORT_BASE: '19672' });
(0, node_test_1.describe)('AckHealthIndicator on Kafka (private broker, killed and revived)', { timeout: 600_000 }, () => {
    const topic = (0, names_1.uniqueName)('health');
    const groupId = (0, names_1.uniqueName)('health-group');
    let server;
    let health;
    let producer;
    let release = () => undefined;
    const gate = new Promise((resolve) => (release = resolve));
    (0, node_test_1.before)(async () => {
        await cluster.start();
        server = new kafka_1.KafkaAckServer({ ...kafka_conformance_adapter_1.FAST_KAFKA, brokers: [cluster.address], groupId, fromBeginning: true, createTopics: true, deadLetterTopic: false, logLevel: kafkajs_1.logLevel.NOTHING });
        // The handler waits for the gate: nothing is settled, so the group commits nothing and its lag grows.
        health = await (0, health_app_1.startHealthApp)(server, [topic], { handler: () => gate });
        producer = new kafkajs_1.Kafka({ brokers: [cluster.address], clientId: 'health-test', logLevel: kafkajs_1.logLevel.NOTHING }).producer();
        await producer.connect();
    });
    (0, node_test_1.after)(async () => {
        release();
        await producer?.disconnect().catch(() => undefined);
        await health?.close().catch(() => undefined);
        await cluster.stop();
    });
    (0, node_test_1.it)('reports up with the consumer lag the broker counts', async () => {
        await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: JSON.stringify({ pattern: topic, data: { i } }) })) });
        const answer = await (0, wait_for_1.waitFor)(async () => {
            const a = await health.check();
            return a.details[health_app_1.HEALTH_KEY]?.backlog === 5 ? a : false;
        }, { timeoutMs: 30_000, message: 'lag 5' });
        if (!answer)
            throw new Error('unreachable');
        strict_1.default.equal(answer.status, 'ok');
        strict_1.default.deepEqual(answer.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'kafka',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 5,
            groupId,
            topics: [{ topic, lag: 5 }],
        });
        release();
        // Settled and committed: the broker's committed offset reaches the end, lag 0.
        await (0, wait_for_1.waitFor)(async () => (await health.check()).details[health_app_1.HEALTH_KEY]?.backlog === 0, { timeoutMs: 30_000, message: 'lag 0 once the handler is released' });
    });
    (0, node_test_1.it)('reports down within 5 s of the broker stop, and up after it returns', async () => {
        const { down, up } = await (0, health_app_1.downThenUp)(health, { label: 'Kafka', stop: () => cluster.kill(), start: () => cluster.revive(), upWithinMs: 120_000 });
        strict_1.default.equal(down.error?.[health_app_1.HEALTH_KEY]?.error, 'no answer from the broker within 2000 ms', 'the admin requests hang while kafkajs retries: the timeout decides');
        strict_1.default.deepEqual(up.details[health_app_1.HEALTH_KEY], {
            status: 'up',
            transport: 'kafka',
            state: 'connected',
            connected: true,
            consuming: true,
            backlog: 0,
            groupId,
            topics: [{ topic, lag: 0 }],
        });
    });
});
//# sourceMappingURL=health-kafka.test.js.map