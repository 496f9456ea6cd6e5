import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ClientKafka } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { Consumer } from 'kafkajs';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, KAFKA_BROKERS, testClient } from '../../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../../support/kafka-test-app';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

after(() => closeSharedAdmin());

describe('Kafka: Nest interop and long handlers', { timeout: 120_000 }, () => {
  it('handles events produced by Nest\'s own ClientKafka.emit()', async () => {
    const topic = uniqueName('nestemit');
    const groupId = uniqueName('g');
    await createTopic(topic);
    const received: unknown[] = [];
    const { app } = await startKafkaApp(handlerModule(topic, (data) => void received.push(data), 'REJECT_ON_ERROR'), { groupId });
    const nestClient = new ClientKafka({ client: { brokers: KAFKA_BROKERS, clientId: 'nest-client-kafka' }, producerOnlyMode: true, producer: { allowAutoTopicCreation: false } });
    try {
      await nestClient.connect();
      await lastValueFrom(nestClient.emit(topic, { n: 1, text: 'from ClientKafka' }));
      await lastValueFrom(nestClient.emit(topic, 'a plain string'));
      await lastValueFrom(nestClient.emit(topic, { key: 'k', value: { n: 2 }, headers: { h: 'v' } }));
      await waitFor(() => received.length === 3, { message: '3 events handled' });
      assert.deepEqual(received, [{ n: 1, text: 'from ClientKafka' }, 'a plain string', { n: 2 }]);
      await waitFor(async () => (await committedOffset(topic, groupId)) === 3, { message: 'committed past all three' });
    } finally {
      await nestClient.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('answers requests of Nest\'s own ClientKafka.send() (reply topic, correlation id, reply partition headers)', async () => {
    const topic = uniqueName('nestsend');
    const groupId = uniqueName('g');
    await createTopic([topic, `${topic}.reply`]);
    const { app } = await startKafkaApp(handlerModule(topic, (data: { n: number }) => {
      if (data.n < 0) throw new Error('negative on purpose');
      return { doubled: data.n * 2 };
    }, 'REJECT_ON_ERROR', 'message'), { groupId });
    const nestClient = new ClientKafka({
      client: { brokers: KAFKA_BROKERS, clientId: 'nest-client-kafka-send' },
      consumer: { groupId: uniqueName('nest-client'), sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 100 },
      subscribe: { fromBeginning: true },
    });
    nestClient.subscribeToResponseOf(topic);
    try {
      await nestClient.connect();
      assert.deepEqual(await lastValueFrom(nestClient.send(topic, { n: 21 })), { doubled: 42 });
      await assert.rejects(lastValueFrom(nestClient.send(topic, { n: -1 })));
      await waitFor(async () => (await committedOffset(topic, groupId)) === 2, { message: 'both requests settled' });
    } finally {
      await nestClient.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.reply`, `${topic}.dlt`], [groupId]);
    }
  });

  it('a handler running longer than the session timeout keeps the group (no rebalance, handled once)', async () => {
    const topic = uniqueName('long');
    const groupId = uniqueName('g');
    await createTopic(topic);
    let calls = 0;
    const module = handlerModule(topic, async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 8000));
    }, 'ACK');
    const { app, server } = await startKafkaApp(module, { groupId, sessionTimeout: 6000, heartbeatInterval: 500 });
    const { consumer } = server.unwrap<{ consumer: Consumer }>();
    let joins = 0;
    let rebalances = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => joins++);
    consumer.on(consumer.events.REBALANCING, () => rebalances++);
    const client = testClient('long-handler-test');
    try {
      await lastValueFrom(client.emit(topic, { n: 1 }), { defaultValue: undefined });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 1, { timeoutMs: 20_000, message: 'committed after the long handler' });
      assert.equal(calls, 1, 'handled once');
      assert.equal(rebalances, 0, 'no rebalance while the handler ran');
      assert.equal(joins, 0, 'no rejoin');
    } finally {
      await client.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });
});
