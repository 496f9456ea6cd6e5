import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, testClient } from '../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const client = testClient('dlt-failure-test');
after(async () => {
  await client.close();
  await closeSharedAdmin();
});

describe('Kafka dead-letter topic unavailable', { timeout: 120_000 }, () => {
  it('a reject whose dead-letter produce fails is nacked: the offset is not committed, the message comes back', async () => {
    const topic = uniqueName('dltfail');
    const groupId = uniqueName('g');
    await createTopic(topic);
    const deliveries: number[] = [];
    const module = handlerModule(topic, (_data, context) => {
      deliveries.push(context.getDeliveryCount());
      throw new Error('always fails');
    }, 'REJECT_ON_ERROR');
    // An illegal topic name: every dead-letter produce fails.
    const { app } = await startKafkaApp(module, {
      groupId,
      deadLetterTopic: () => 'no such topic!',
      retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
      client: { retry: { retries: 0 } },
    });
    try {
      await firstValueFrom(client.emit(topic, { n: 1 }), { defaultValue: undefined });
      await waitFor(() => deliveries.length >= 3, { timeoutMs: 30_000, message: 'redelivered after failed dead-letter produces' });
      assert.deepEqual(deliveries.slice(0, 3), [1, 2, 3]);
      assert.equal(await committedOffset(topic, groupId), -1, 'never committed past the message');
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });

  it('deadLetterTopic: false drops a rejected message and commits past it', async () => {
    const topic = uniqueName('dltoff');
    const groupId = uniqueName('g');
    await createTopic(topic);
    let calls = 0;
    const module = handlerModule(topic, () => {
      calls++;
      throw new Error('fails');
    }, 'REJECT_ON_ERROR');
    const { app } = await startKafkaApp(module, { groupId, deadLetterTopic: false });
    try {
      await firstValueFrom(client.emit(topic, { n: 1 }), { defaultValue: undefined });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 1, { message: 'committed past the dropped message' });
      assert.equal(calls, 1);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });
});
