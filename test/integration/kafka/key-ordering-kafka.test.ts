import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, partitionOffsets, testKafka } from '../../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../../support/kafka-test-app';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

after(() => closeSharedAdmin());

/** A small seeded generator (LCG): the same keys and delays on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Produces `records` with their keys, in this order, with kafkajs's own producer (one send keeps per-partition order). */
async function produce(topic: string, records: Array<{ key: string; value: unknown }>): Promise<void> {
  const producer = testKafka('key-ordering-test').producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: records.map(({ key, value }) => ({ key, value: JSON.stringify(value) })) });
  } finally {
    await producer.disconnect();
  }
}

async function allCommitted(topic: string, groupId: string): Promise<boolean> {
  return (await partitionOffsets(topic, groupId)).every((p) => p.committed === p.high);
}

describe("Kafka ordering: 'key'", { timeout: 120_000 }, () => {
  it('1,000 records over 20 keys on 3 partitions, random handler delays: each key in produce order, keys in parallel, all committed', async () => {
    const topic = uniqueName('keyorder');
    const groupId = uniqueName('g');
    await createTopic(topic, 3);
    const random = seeded(20);
    const records = Array.from({ length: 1000 }, (_, seq) => ({ key: `k${Math.floor(random() * 20)}`, value: { seq, delayMs: Math.floor(random() * 6) } }));
    const seen = new Map<string, number[]>();
    const finished = new Map<string, number[]>();
    const keysRunning = new Set<string>();
    const overlaps: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const module = handlerModule(topic, async (data: { seq: number; delayMs: number }, context) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      const key = context.getKey()!.toString();
      if (keysRunning.has(key)) overlaps.push(`${key}:${data.seq}`);
      keysRunning.add(key);
      seen.set(key, [...(seen.get(key) ?? []), data.seq]);
      await new Promise((resolve) => setTimeout(resolve, data.delayMs));
      finished.set(key, [...(finished.get(key) ?? []), data.seq]);
      keysRunning.delete(key);
      running--;
    }, 'ACK');
    const { app } = await startKafkaApp(module, { groupId, ordering: 'key', concurrency: 12 });
    try {
      await produce(topic, records);
      await waitFor(() => allCommitted(topic, groupId), { timeoutMs: 60_000, message: 'every partition committed to its end' });
      const handled = [...seen.values()].flat();
      assert.equal(new Set(handled).size, 1000, 'every record handled');
      assert.equal(handled.length, 1000, 'none twice');
      assert.deepEqual(overlaps, [], 'a record started while an earlier one of its key was still running');
      for (const [key, seqs] of seen) assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `key ${key} started in produce order`);
      for (const [key, seqs] of finished) assert.deepEqual(seqs, seen.get(key), `key ${key} finished in produce order`);
      assert.equal(seen.size, 20);
      assert.ok(maxRunning > 3, `more handlers at once than partitions (${maxRunning})`);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('a nacked record holds back only its key: other keys of its partition flow, the commit waits at it, its key resumes in order after it', async () => {
    const topic = uniqueName('keynack');
    const groupId = uniqueName('g');
    await createTopic(topic, 1);
    const records = [
      { key: 'stuck', value: { name: 'stuck-0' } },
      { key: 'stuck', value: { name: 'stuck-1' } },
      ...Array.from({ length: 20 }, (_, i) => ({ key: `other-${i % 5}`, value: { name: `other-${i}` } })),
      { key: 'stuck', value: { name: 'stuck-2' } },
    ];
    const events: string[] = [];
    let released = false;
    const module = handlerModule(topic, (data: { name: string }, context) => {
      events.push(`${data.name}#${context.getDeliveryCount()}`);
      if (data.name === 'stuck-0' && !released) throw new Error('stuck-0 fails until released');
    }, 'NACK_ON_ERROR');
    const { app } = await startKafkaApp(module, {
      groupId,
      ordering: 'key',
      retry: { maxDeliveries: 1000, backoff: { type: 'fixed', initialDelayMs: 50, jitter: 0 } },
    });
    try {
      await produce(topic, records);
      await waitFor(() => events.filter((e) => e.startsWith('other-')).length === 20, { timeoutMs: 30_000, message: 'the 20 records of other keys handled' });
      await waitFor(() => events.filter((e) => e.startsWith('stuck-0#')).length >= 2, { message: 'stuck-0 redelivered' });
      assert.ok(!events.some((e) => e.startsWith('stuck-1') || e.startsWith('stuck-2')), `the stuck key's later records wait: ${events.join(' ')}`);
      // Every other record is settled, yet the group's commit stays at stuck-0 (offset 0).
      await waitFor(async () => (await partitionOffsets(topic, groupId))[0].committed === 0, { message: 'committed offset 0 (the other keys settled, stuck-0 not)' });
      released = true;
      await waitFor(() => allCommitted(topic, groupId), { timeoutMs: 30_000, message: 'committed to the end once stuck-0 succeeds' });
      const stuck = events.filter((e) => e.startsWith('stuck-'));
      const firstDone = stuck.lastIndexOf(stuck.filter((e) => e.startsWith('stuck-0#')).at(-1)!);
      assert.deepEqual(stuck.slice(firstDone + 1), ['stuck-1#1', 'stuck-2#1'], `the stuck key in order after stuck-0 succeeded: ${stuck.join(' ')}`);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });
});
