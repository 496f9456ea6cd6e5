import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DeadLetterHeaders } from '../../lib/core';
import type { KafkaAckServerOptions } from '../../lib/kafka';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, readTopic, testKafka } from '../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

after(() => closeSharedAdmin());

const INVALID_UTF8_JSON = Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
/** Values as other producers put them on a topic, then one JSON record. */
const VALUES: Array<Buffer | null> = [Buffer.from('plain text'), Buffer.alloc(0), null, INVALID_UTF8_JSON, Buffer.from('{"n":1}')];

/** Produces VALUES to a fresh one-partition topic with kafkajs, runs a server with `options`; returns what the handler saw and the dead letters. */
async function run(options: Partial<KafkaAckServerOptions>) {
  const topic = uniqueName('values');
  const groupId = uniqueName('g');
  await createTopic([topic, `${topic}.dlt`]);
  const producer = testKafka('values-producer').producer();
  await producer.connect();
  const handled: unknown[] = [];
  const { app } = await startKafkaApp(handlerModule(topic, (data) => void handled.push(data), 'ACK'), { groupId, ...options });
  try {
    await producer.send({ topic, acks: -1, messages: VALUES.map((value) => ({ value })) });
    await waitFor(async () => (await committedOffset(topic, groupId)) === VALUES.length, { timeoutMs: 20_000, message: 'every record settled' });
    const letters = await readTopic(`${topic}.dlt`);
    return { handled, letters: letters.map((l) => ({ value: l.value, reason: l.headers?.[DeadLetterHeaders.REASON]?.toString() })) };
  } finally {
    await app.close();
    await producer.disconnect();
    await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
  }
}

describe('Kafka record values from other producers', { timeout: 120_000 }, () => {
  it("default nonJsonValues 'pass': text as a string, empty as '', tombstone as null; invalid UTF-8 dead-lettered as deserialization with its bytes", async () => {
    const { handled, letters } = await run({});
    assert.deepEqual(handled, ['plain text', '', null, { n: 1 }]);
    assert.equal(letters.length, 1);
    assert.equal(letters[0].reason, 'deserialization');
    assert.ok(letters[0].value?.equals(INVALID_UTF8_JSON), 'the original bytes, untouched');
  });

  it("nonJsonValues 'reject': everything that is not JSON is dead-lettered as deserialization, untouched, and JSON still flows", async () => {
    const { handled, letters } = await run({ nonJsonValues: 'reject' });
    assert.deepEqual(handled, [{ n: 1 }]);
    assert.deepEqual(letters.map((l) => l.reason), ['deserialization', 'deserialization', 'deserialization', 'deserialization']);
    assert.deepEqual(letters.map((l) => l.value), VALUES.slice(0, 4).map((v) => (v === null ? null : v)));
  });
});
