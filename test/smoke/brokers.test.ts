import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect as connectNats } from '@nats-io/transport-node';
import { connect as connectAmqp } from 'amqplib';
import Redis from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { brokerUrls, kafkaBrokers } from '../support/broker-urls';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

// One message published and read back with each raw driver: a broken service
// set-up fails here, before any transport test.
describe('every broker answers (raw drivers)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('RabbitMQ: publish and get one message', async () => {
    const connection = await connectAmqp(brokerUrls.rabbitmq);
    cleanups.push(() => connection.close());
    const channel = await connection.createConfirmChannel();
    const queue = uniqueName('smoke');
    await channel.assertQueue(queue, { durable: false, autoDelete: false });
    cleanups.push(() => channel.deleteQueue(queue));
    channel.sendToQueue(queue, Buffer.from('hello rabbit'));
    await channel.waitForConfirms();
    const message = await waitFor(async () => (await channel.get(queue, { noAck: true })) || undefined);
    assert.equal(message!.content.toString(), 'hello rabbit');
  });

  it('NATS JetStream: publish to a stream and fetch it back', async () => {
    const connection = await connectNats({ servers: brokerUrls.nats });
    cleanups.push(() => connection.close());
    const manager = await jetstreamManager(connection);
    const stream = uniqueName('smoke').replace(/\./g, '_');
    await manager.streams.add({ name: stream, subjects: [`${stream}.>`] });
    cleanups.push(() => manager.streams.delete(stream));
    const ack = await jetstream(connection).publish(`${stream}.hello`, 'hello nats');
    const stored = await manager.streams.getMessage(stream, { seq: ack.seq });
    assert.equal(stored?.string(), 'hello nats');
  });

  it('Redis: XADD and read the stream back', async () => {
    const redis = new Redis(brokerUrls.redis, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    cleanups.push(() => redis.quit());
    const stream = uniqueName('smoke');
    cleanups.push(() => redis.del(stream));
    const id = await redis.xadd(stream, '*', 'body', 'hello redis');
    const entries = await redis.xrange(stream, '-', '+');
    assert.deepEqual(entries, [[id, ['body', 'hello redis']]]);
  });

  it('PostgreSQL: insert a row and select it back', async () => {
    const client = new PgClient({ connectionString: brokerUrls.postgres });
    await client.connect();
    cleanups.push(() => client.end());
    await client.query('CREATE TEMP TABLE smoke (body text)');
    await client.query('INSERT INTO smoke VALUES ($1)', ['hello postgres']);
    const { rows } = await client.query('SELECT body FROM smoke');
    assert.deepEqual(rows, [{ body: 'hello postgres' }]);
  });

  it('Kafka: create a topic, produce and consume one record', { timeout: 60_000 }, async () => {
    const kafka = new Kafka({ clientId: 'smoke', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    const topic = uniqueName('smoke');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    cleanups.push(() => admin.deleteTopics({ topics: [topic] }));
    const producer = kafka.producer();
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({ topic, messages: [{ value: 'hello kafka' }] });
    const consumer = kafka.consumer({ groupId: uniqueName('smoke-group') });
    await consumer.connect();
    cleanups.push(() => consumer.disconnect());
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) });
    await waitFor(() => received.length > 0, { timeoutMs: 30_000, message: 'the Kafka record' });
    assert.deepEqual(received, ['hello kafka']);
  });
});
