import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KafkaAckServer } from '../../lib/kafka';
import { createTopicsWithLeaders } from '../../lib/kafka/topic-leaders';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, endOffsetTotal, KAFKA_BROKERS, maxMessageBytes, readTopic, setMaxMessageBytes, sharedAdmin, testClient, testKafka } from '../support/kafka-broker';
import { FAST_KAFKA } from '../conformance/adapters/kafka';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const client = testClient('dlt-failure-test');
after(async () => {
  await client.close();
  await closeSharedAdmin();
});

const MB = 1024 * 1024;

/** A Nest logger keeping every line, to count what the server logged. */
function recordingLogger(): LoggerService & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const keep = (level: string) => (message: unknown) => void lines.push({ level, message: String(message) });
  return { lines, log: keep('log'), error: keep('error'), warn: keep('warn'), debug: keep('debug'), verbose: keep('verbose'), fatal: keep('fatal') };
}

describe('Kafka dead-letter topic unavailable', { timeout: 120_000 }, () => {
  it('a record the .dlt refuses (2 MB, .dlt at 1 MB) stays unsettled, is logged once, other partitions flow; once the limit is raised it is dead-lettered once', async () => {
    const topic = uniqueName('dltbig');
    const dlt = `${topic}.dlt`;
    const groupId = uniqueName('g');
    const admin = await sharedAdmin();
    await createTopicsWithLeaders(admin, [
      { topic, numPartitions: 2, configEntries: [{ name: 'max.message.bytes', value: String(8 * MB) }] },
      { topic: dlt, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(MB) }] },
    ]);
    const producer = testKafka('dlt-big-producer').producer();
    await producer.connect();
    const big = Buffer.from(JSON.stringify({ big: 'x'.repeat(2 * MB) }));
    const handled: Array<{ partition: number; deliveryCount: number; size: number }> = [];
    const module = handlerModule(topic, (data: { big?: string; n?: number }, context) => {
      handled.push({ partition: context.getPartition(), deliveryCount: context.getDeliveryCount(), size: data.big?.length ?? 0 });
      if (data.big) throw new Error('too big to handle');
    }, 'REJECT_ON_ERROR');
    const logger = recordingLogger();
    const server = new KafkaAckServer({
      ...FAST_KAFKA,
      brokers: KAFKA_BROKERS,
      groupId,
      fromBeginning: true,
      retry: { backoff: { type: 'exponential', initialDelayMs: 100, maxDelayMs: 800, jitter: 0 } },
    });
    const app = await NestFactory.createMicroservice(module, { strategy: server, logger });
    await app.listen();
    try {
      await producer.send({ topic, acks: -1, messages: [{ partition: 0, value: big }] });
      await waitFor(() => handled.filter((h) => h.partition === 0).length >= 4, { timeoutMs: 30_000, message: 'the big record redelivered after refused dead letters' });
      assert.equal(server.deadLetterFailures, 1, 'the server counts one source whose dead letter is refused');
      assert.equal(await committedOffset(topic, groupId, 0), -1, 'the commit does not pass the refused record');
      assert.equal(await endOffsetTotal(dlt), 0, 'nothing reached the .dlt');
      // The next good record of another partition flows meanwhile.
      await producer.send({ topic, acks: -1, messages: [{ partition: 1, value: JSON.stringify({ n: 1 }) }] });
      await waitFor(async () => (await committedOffset(topic, groupId, 1)) === 1, { message: 'the good record of partition 1 handled and committed' });
      const refusals = () => logger.lines.filter((line) => /dead-letter target refused/.test(line.message));
      assert.equal(refusals().length, 1, `one log line for ${handled.filter((h) => h.partition === 0).length} refusals: ${JSON.stringify(refusals().map((l) => l.message.slice(0, 200)))}`);
      assert.equal(refusals()[0].level, 'fatal');
      const produceErrors = logger.lines.filter((line) => line.level === 'error' && /larger than the max message size/.test(line.message));
      assert.deepEqual(produceErrors, [], 'the refused produces are not logged again by kafkajs on each attempt');
      // The operator raises the .dlt's limit: the next retry dead-letters the record, once, and the offset commits.
      await setMaxMessageBytes(dlt, 9 * MB);
      await waitFor(async () => (await committedOffset(topic, groupId, 0)) === 1, { timeoutMs: 30_000, message: 'the refused record dead-lettered and committed' });
      assert.equal(server.deadLetterFailures, 0);
      const letters = await readTopic(dlt);
      assert.equal(letters.length, 1, 'dead-lettered once');
      assert.ok(letters[0].value!.equals(big), 'the dead letter holds the original bytes');
      assert.equal(letters[0].headers?.['x-dead-letter-reason']?.toString(), 'handler-error');
      assert.equal(await committedOffset(topic, groupId, 1), 1, 'nothing lost: both records settled');
    } finally {
      await app.close();
      await producer.disconnect();
      await deleteTopicsAndGroups([topic, dlt], [groupId]);
    }
  });

  it('createTopics gives a dead-letter topic its source\'s max.message.bytes (plus room for the headers)', async () => {
    const topic = uniqueName('dltsize');
    const groupId = uniqueName('g');
    const admin = await sharedAdmin();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(8 * MB) }] }]);
    const { app } = await startKafkaApp(handlerModule(topic, () => undefined), { groupId, createTopics: true });
    try {
      assert.equal(await maxMessageBytes(`${topic}.dlt`), 8 * MB + 64 * 1024);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

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

