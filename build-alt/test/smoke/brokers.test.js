"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const amqplib_1 = require("amqplib");
const ioredis_1 = __importDefault(require("ioredis"));
const kafkajs_1 = require("kafkajs");
const pg_1 = require("pg");
const broker_urls_1 = require("../support/broker-urls");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
// One message published and read back with each raw driver: a broken service
// set-up fails here, before any transport test.
(0, node_test_1.describe)('every broker answers (raw drivers)', () => {
    const cleanups = [];
    (0, node_test_1.after)(async () => {
        for (const cleanup of cleanups.reverse())
            await cleanup().catch(() => undefined);
    });
    (0, node_test_1.it)('RabbitMQ: publish and get one message', async () => {
        const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
        cleanups.push(() => connection.close());
        const channel = await connection.createConfirmChannel();
        const queue = (0, names_1.uniqueName)('smoke');
        await channel.assertQueue(queue, { durable: false, autoDelete: false });
        cleanups.push(() => channel.deleteQueue(queue));
        channel.sendToQueue(queue, Buffer.from('hello rabbit'));
        await channel.waitForConfirms();
        const message = await (0, wait_for_1.waitFor)(async () => (await channel.get(queue, { noAck: true })) || undefined);
        strict_1.default.equal(message.content.toString(), 'hello rabbit');
    });
    (0, node_test_1.it)('NATS JetStream: publish to a stream and fetch it back', async () => {
        const connection = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
        cleanups.push(() => connection.close());
        const manager = await (0, jetstream_1.jetstreamManager)(connection);
        const stream = (0, names_1.uniqueName)('smoke').replace(/\./g, '_');
        await manager.streams.add({ name: stream, subjects: [`${stream}.>`] });
        cleanups.push(() => manager.streams.delete(stream));
        const ack = await (0, jetstream_1.jetstream)(connection).publish(`${stream}.hello`, 'hello nats');
        const stored = await manager.streams.getMessage(stream, { seq: ack.seq });
        strict_1.default.equal(stored?.string(), 'hello nats');
    });
    (0, node_test_1.it)('Redis: XADD and read the stream back', async () => {
        const redis = new ioredis_1.default(broker_urls_1.brokerUrls.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
        await redis.connect();
        cleanups.push(() => redis.quit());
        const stream = (0, names_1.uniqueName)('smoke');
        cleanups.push(() => redis.del(stream));
        const id = await redis.xadd(stream, '*', 'body', 'hello redis');
        const entries = await redis.xrange(stream, '-', '+');
        strict_1.default.deepEqual(entries, [[id, ['body', 'hello redis']]]);
    });
    (0, node_test_1.it)('PostgreSQL: insert a row and select it back', async () => {
        const client = new pg_1.Client({ connectionString: broker_urls_1.brokerUrls.postgres });
        await client.connect();
        cleanups.push(() => client.end());
        await client.query('CREATE TEMP TABLE smoke (body text)');
        await client.query('INSERT INTO smoke VALUES ($1)', ['hello postgres']);
        const { rows } = await client.query('SELECT body FROM smoke');
        strict_1.default.deepEqual(rows, [{ body: 'hello postgres' }]);
    });
    (0, node_test_1.it)('Kafka: create a topic, produce and consume one record', { timeout: 60_000 }, async () => {
        const kafka = new kafkajs_1.Kafka({ clientId: 'smoke', brokers: broker_urls_1.brokerUrls.kafka, logLevel: kafkajs_1.logLevel.NOTHING });
        const admin = kafka.admin();
        await admin.connect();
        cleanups.push(() => admin.disconnect());
        const topic = (0, names_1.uniqueName)('smoke');
        await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
        cleanups.push(() => admin.deleteTopics({ topics: [topic] }));
        const producer = kafka.producer();
        await producer.connect();
        cleanups.push(() => producer.disconnect());
        await producer.send({ topic, messages: [{ value: 'hello kafka' }] });
        const consumer = kafka.consumer({ groupId: (0, names_1.uniqueName)('smoke-group') });
        await consumer.connect();
        cleanups.push(() => consumer.disconnect());
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        const received = [];
        await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) });
        await (0, wait_for_1.waitFor)(() => received.length > 0, { timeoutMs: 30_000, message: 'the Kafka record' });
        strict_1.default.deepEqual(received, ['hello kafka']);
    });
});
//# sourceMappingURL=brokers.test.js.map