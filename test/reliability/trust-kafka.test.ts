import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { DeadLetterHeaders } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { KafkaAckClient, KafkaAckServer, KafkaReplyHeaders } from '../../lib/kafka';
import { CaptureLogger } from '../support/capture-logger';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, endOffsetTotal, KAFKA_BROKERS, readTopic, sharedAdmin, testClient } from '../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

after(() => closeSharedAdmin());

/** The dead letters of `topic` (read from `<topic>.dlt`) as reason and error message. */
async function deadLetters(topic: string): Promise<Array<{ reason: string; error: string; value: string }>> {
  if ((await endOffsetTotal(`${topic}.dlt`)) === 0) return [];
  return (await readTopic(`${topic}.dlt`)).map((record) => ({
    reason: String(record.headers?.[DeadLetterHeaders.REASON] ?? ''),
    error: String(record.headers?.[DeadLetterHeaders.ERROR_MESSAGE] ?? ''),
    value: record.value?.toString('utf8') ?? '',
  }));
}

async function topicExists(topic: string): Promise<boolean> {
  return (await (await sharedAdmin()).listTopics()).includes(topic);
}

describe('Kafka trust boundary: what a producer writes does not steer the server', { timeout: 120_000 }, () => {
  it('a kafka_replyTopic naming another existing topic, or no topic at all, is dead-lettered as invalid-reply-address: nothing is written, nothing is created', async () => {
    const topic = uniqueName('trust.req');
    const other = uniqueName('trust.other');
    const ghost = uniqueName('trust.ghost');
    const groupId = uniqueName('g');
    await createTopic([topic, `${topic}.dlt`, other]);
    let calls = 0;
    const { app } = await startKafkaApp(handlerModule(topic, () => ++calls, 'REJECT_ON_ERROR', 'message'), { groupId });
    const client = testClient('trust-forger');
    try {
      await client.produce(topic, { value: '{"n":1}', headers: { [KafkaReplyHeaders.REPLY_TOPIC]: other, [KafkaReplyHeaders.CORRELATION_ID]: 'c1' } });
      await client.produce(topic, { value: '{"n":2}', headers: { [KafkaReplyHeaders.REPLY_TOPIC]: ghost, [KafkaReplyHeaders.CORRELATION_ID]: 'c2' } });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 2, { message: 'both requests settled' });
      const letters = await deadLetters(topic);
      assert.deepEqual(letters.map((l) => [l.reason, l.value]), [['invalid-reply-address', '{"n":1}'], ['invalid-reply-address', '{"n":2}']]);
      assert.equal(calls, 0, 'the handler never ran');
      assert.equal(await endOffsetTotal(other), 0, 'nothing was written to the named topic');
      assert.equal(await topicExists(ghost), false, 'the named topic was not created');
      // Our own client's requests (reply topic nestjs-ack.replies.<uuid>) are still answered.
      assert.equal(await lastValueFrom(client.send(topic, { n: 3 })), 1);
    } finally {
      await client.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`, other, ghost], [groupId]);
    }
  });

  it('an accepted reply topic that does not exist (<topic>.reply) is not created: the handler ran once, the reply is reported lost, the request is committed', async () => {
    const topic = uniqueName('trust.noreply');
    const groupId = uniqueName('g');
    await createTopic([topic, `${topic}.dlt`]);
    let calls = 0;
    const { app, server } = await startKafkaApp(handlerModule(topic, () => ++calls, 'NACK_ON_ERROR', 'message'), { groupId });
    const errors: Error[] = [];
    server.on('error', (error) => errors.push(error));
    const client = testClient('trust-noreply');
    try {
      await client.produce(topic, { value: '{"n":1}', headers: { [KafkaReplyHeaders.REPLY_TOPIC]: `${topic}.reply`, [KafkaReplyHeaders.CORRELATION_ID]: 'c1' } });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 1, { message: 'the request committed' });
      assert.equal(await topicExists(`${topic}.reply`), false, 'the reply producer did not create the topic');
      assert.equal(calls, 1, 'the handler ran once');
      assert.ok(errors.some((error) => /does not host this topic-partition|retries/i.test(error.message)), 'the lost reply raised an error event');
      assert.equal(await endOffsetTotal(`${topic}.dlt`), 0, 'not dead-lettered');
    } finally {
      await client.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`, `${topic}.reply`], [groupId]);
    }
  });

  it("the topic picks the handler: a custom deserializer naming another handler's topic is dead-lettered as pattern-mismatch; a name of no handler is overruled by the topic", async () => {
    const publicTopic = uniqueName('trust.public');
    const adminTopic = uniqueName('trust.admin');
    const groupId = uniqueName('g');
    await createTopic([publicTopic, `${publicTopic}.dlt`, adminTopic, `${adminTopic}.dlt`]);
    const ran: Array<[string, unknown]> = [];
    @Controller()
    class TwoTopics {
      @EventPattern(publicTopic)
      onPublic(@Payload() data: unknown) {
        ran.push([publicTopic, data]);
      }
      @EventPattern(adminTopic)
      onAdmin(@Payload() data: unknown) {
        ran.push([adminTopic, data]);
      }
    }
    @Module({ imports: [AckModule.forRoot()], controllers: [TwoTopics] })
    class TwoTopicsModule {}
    // A deserializer that takes the pattern from the value, as a multi-type topic's might.
    const deserializer = { deserialize: (raw: { value: { route?: string } | null; topic: string }) => ({ pattern: raw.value?.route ?? raw.topic, data: raw.value }) };
    const { app } = await startKafkaApp(TwoTopicsModule, { groupId, deserializer, defaultPolicy: 'REJECT_ON_ERROR' });
    const client = testClient('trust-router');
    try {
      await client.produce(publicTopic, { value: JSON.stringify({ route: adminTopic, n: 1 }) });
      await client.produce(publicTopic, { value: JSON.stringify({ route: 'no-such-handler', n: 2 }) });
      await waitFor(async () => (await committedOffset(publicTopic, groupId)) === 2, { message: 'both records settled' });
      assert.deepEqual((await deadLetters(publicTopic)).map((l) => l.reason), ['pattern-mismatch']);
      assert.deepEqual(ran, [[publicTopic, { route: 'no-such-handler', n: 2 }]], 'the admin handler never ran; the topic handled the other record');
      assert.equal(await endOffsetTotal(`${adminTopic}.dlt`), 0);
    } finally {
      await client.close();
      await app.close();
      await deleteTopicsAndGroups([publicTopic, `${publicTopic}.dlt`, adminTopic, `${adminTopic}.dlt`], [groupId]);
    }
  });

  it('maxMessageBytes counts the key and headers: a small value under an 8 KiB key is dead-lettered as deserialization, the next record flows', async () => {
    const topic = uniqueName('trust.size');
    const groupId = uniqueName('g');
    await createTopic([topic, `${topic}.dlt`]);
    const handled: unknown[] = [];
    const { app } = await startKafkaApp(handlerModule(topic, (data) => void handled.push(data), 'REJECT_ON_ERROR'), { groupId, maxMessageBytes: 4096 });
    const client = testClient('trust-size');
    try {
      await client.produce(topic, { key: 'k'.repeat(8192), value: '{"n":1}' });
      await client.produce(topic, { value: '{"n":2}', headers: { filler: 'x'.repeat(2048), more: 'y'.repeat(2048) } });
      await client.produce(topic, { key: 'k', value: '{"n":3}' });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 3, { message: 'all three settled' });
      const letters = await deadLetters(topic);
      assert.deepEqual(letters.map((l) => [l.reason, l.value]), [['deserialization', '{"n":1}'], ['deserialization', '{"n":2}']]);
      assert.match(letters[0].error, /over maxMessageBytes=4096/);
      assert.deepEqual(handled, [{ n: 3 }]);
    } finally {
      await client.close();
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('SASL options reach kafkajs, and neither the start error nor any log line shows the password', async () => {
    const password = `pw-${uniqueName('secret')}`;
    const logger = new CaptureLogger();
    // The local broker has no SASL listener: the handshake fails, which shows the options got to kafkajs.
    const server = new KafkaAckServer({
      brokers: KAFKA_BROKERS,
      groupId: uniqueName('g'),
      client: { sasl: { mechanism: 'scram-sha-512', username: 'svc', password }, retry: { retries: 0 }, connectionTimeout: 3000 },
    });
    const app = await NestFactory.createMicroservice(handlerModule(uniqueName('trust.sasl'), () => undefined), { strategy: server, logger });
    let failure: unknown;
    try {
      await app.listen();
    } catch (error) {
      failure = error;
    } finally {
      await app.close().catch(() => undefined);
    }
    assert.ok(failure instanceof Error, 'the start failed');
    assert.equal((failure as Error & { code?: string }).code, 'ACK_BROKER_CONFIGURATION', 'a refused login ends the start at once');
    assert.match(failure.message, /SASL/);
    const client = new KafkaAckClient({ brokers: KAFKA_BROKERS, client: { sasl: { mechanism: 'plain', username: 'svc', password }, retry: { retries: 0 }, connectionTimeout: 3000 } });
    const clientFailure = await lastValueFrom(client.emit(uniqueName('trust.sasl'), { n: 1 }), { defaultValue: undefined }).then(() => undefined, (error: unknown) => error);
    await client.close();
    assert.ok(clientFailure instanceof Error, 'the emit failed');
    assert.equal((clientFailure as Error & { code?: string }).code, 'ACK_BROKER_CONFIGURATION', 'the client names the refused login too');
    for (const shown of [inspect(failure, { depth: 10 }), JSON.stringify(failure), inspect(clientFailure, { depth: 10 }), JSON.stringify(clientFailure), ...logger.lines.map((line) => line.text)]) {
      assert.ok(!shown.includes(password), `the password must not be shown: ${shown.slice(0, 200)}`);
    }
  });
});
