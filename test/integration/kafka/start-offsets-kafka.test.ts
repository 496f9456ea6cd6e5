import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { NestFactory } from '@nestjs/core';
import type { Producer } from 'kafkajs';
import { KafkaAckServer, type KafkaAckServerOptions } from '../../../lib/kafka';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, KAFKA_BROKERS, partitionOffsets, testKafka } from '../../support/kafka-broker';
import { handlerModule } from '../../support/kafka-test-app';
import { uniqueName } from '../../support/names';
import { testLogLevels } from '../../conformance/adapters/rabbitmq';
import { waitFor } from '../../support/wait-for';

const topics: string[] = [];
const groups: string[] = [];
let producer: Producer | undefined;
after(async () => {
  await producer?.disconnect();
  await deleteTopicsAndGroups(topics, groups);
  await closeSharedAdmin();
});

/**
 * Starts a server with default options (`fromBeginning: false`), produces one
 * record to each partition the moment `listen()` resolved, and checks that
 * each is handled and that the group's committed offset covers it.
 */
async function producedRightAfterListen(topic: string, partitions: number, options: Partial<KafkaAckServerOptions> = {}): Promise<void> {
  const groupId = uniqueName('g');
  topics.push(topic);
  groups.push(groupId);
  producer ??= testKafka('start-offsets-producer').producer();
  await producer.connect();
  const handled: string[] = [];
  const server = new KafkaAckServer({ groupId, brokers: KAFKA_BROKERS, ...options });
  const app = await NestFactory.createMicroservice(handlerModule(topic, (data: { n: string }) => void handled.push(data.n)), { strategy: server, logger: testLogLevels });
  try {
    await app.listen();
    const sent = await producer.send({
      topic,
      messages: Array.from({ length: partitions }, (_, partition) => ({ partition, value: JSON.stringify({ n: `p${partition}` }) })),
    });
    await waitFor(() => handled.length === partitions, { timeoutMs: 20_000, message: `the ${partitions} record(s) produced right after listen() handled (got ${handled.length})` });
    assert.deepEqual(handled.sort(), Array.from({ length: partitions }, (_, p) => `p${p}`));
    const produced = new Map(sent.map((meta) => [meta.partition, Number(meta.baseOffset)]));
    await waitFor(async () => (await partitionOffsets(topic, groupId)).every((p) => p.committed > (produced.get(p.partition) ?? Infinity)), {
      timeoutMs: 15_000,
      message: 'the committed offsets to cover the records',
    });
  } finally {
    await app.close();
  }
}

describe('Kafka: a record produced after listen() resolves is always consumed (default options)', { timeout: 120_000 }, () => {
  it('on an existing topic of 3 partitions, a group of one member', async () => {
    const topic = uniqueName('start-offsets');
    await createTopic(topic, 3);
    await producedRightAfterListen(topic, 3);
  });

  it('on a topic the server creates (createTopics)', async () => {
    await producedRightAfterListen(uniqueName('start-offsets-created'), 1, { createTopics: true });
  });

  it('records produced before listen() are not read (fromBeginning: false), later ones are', async () => {
    const topic = uniqueName('start-offsets-before');
    await createTopic(topic, 1);
    producer ??= testKafka('start-offsets-producer').producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: JSON.stringify({ n: 'before' }) }] });
    const groupId = uniqueName('g');
    topics.push(topic);
    groups.push(groupId);
    const handled: string[] = [];
    const server = new KafkaAckServer({ groupId, brokers: KAFKA_BROKERS });
    const app = await NestFactory.createMicroservice(handlerModule(topic, (data: { n: string }) => void handled.push(data.n)), { strategy: server, logger: testLogLevels });
    try {
      await app.listen();
      const [committedAtStart] = await partitionOffsets(topic, groupId);
      assert.equal(committedAtStart.committed, 1, 'the starting offset was fixed at the end before listen() resolved');
      await producer.send({ topic, messages: [{ value: JSON.stringify({ n: 'after' }) }] });
      await waitFor(() => handled.includes('after'), { timeoutMs: 20_000, message: 'the record produced after listen()' });
      assert.deepEqual(handled, ['after']);
    } finally {
      await app.close();
    }
  });
});
