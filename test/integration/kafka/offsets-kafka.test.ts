import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { DeadLetterHeaders } from '../../../lib/core';
import { closeSharedAdmin, committedOffset, createTopic, deleteTopicsAndGroups, partitionOffsets, readTopic, testClient } from '../../support/kafka-broker';
import { handlerModule, startKafkaApp } from '../../support/kafka-test-app';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

const client = testClient('offsets-kafka-test');
after(async () => {
  await client.close();
  await closeSharedAdmin();
});

const emit = (topic: string, data: unknown) => firstValueFrom(client.emit(topic, data), { defaultValue: undefined });

describe('Kafka committed offsets', { timeout: 120_000 }, () => {
  it('NACK_ON_ERROR: a handler failing on message 3 of 3 never lets the committed offset pass 2 until it succeeds', async () => {
    const topic = uniqueName('nack3');
    const groupId = uniqueName('g');
    await createTopic(topic);
    const deliveriesOf3: number[] = [];
    const module = handlerModule(topic, (data: { i: number }, context) => {
      if (data.i !== 3) return;
      deliveriesOf3.push(context.getDeliveryCount());
      if (context.getDeliveryCount() < 4) throw new Error('message 3 fails on purpose');
    }, 'NACK_ON_ERROR');
    const { app } = await startKafkaApp(module, { groupId, retry: { maxDeliveries: 10, backoff: { type: 'fixed', initialDelayMs: 300, jitter: 0 } } });
    try {
      for (const i of [1, 2, 3]) await emit(topic, { i });
      const samples: number[] = [];
      while (deliveriesOf3.length < 4) {
        const committed = await committedOffset(topic, groupId);
        if (deliveriesOf3.length < 4) samples.push(committed); // still failing when read
        assert.ok(committed <= 2, `committed offset ${committed} passed 2 while message 3 fails`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(samples.filter((s) => s === 2).length >= 5, `the settled prefix (offset 2) was committed while failing (samples ${samples.length})`);
      await waitFor(async () => (await committedOffset(topic, groupId)) === 3, { message: 'committed offset 3 after success' });
      assert.deepEqual(deliveriesOf3, [1, 2, 3, 4]);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('REJECT_ON_ERROR: the committed offset reaches 3 and the record is in the dead-letter topic with its headers', async () => {
    const topic = uniqueName('reject3');
    const groupId = uniqueName('g');
    const module = handlerModule(topic, (data: { i: number }) => {
      if (data.i === 3) throw new Error('message 3 fails on purpose');
    }, 'REJECT_ON_ERROR');
    const { app } = await startKafkaApp(module, { groupId, createTopics: true });
    try {
      for (const i of [1, 2]) await emit(topic, { i });
      await client.produce(topic, { key: 'k3', value: '{"i":3}', headers: { 'x-trace': 'abc', bin: Buffer.from([0xff, 0x01]) } });
      await waitFor(async () => (await committedOffset(topic, groupId)) === 3, { message: 'committed offset 3' });
      const [dead, ...more] = await readTopic(`${topic}.dlt`);
      assert.equal(more.length, 0);
      assert.equal(dead.value!.toString(), '{"i":3}', 'the original value');
      assert.equal(dead.key!.toString(), 'k3', 'the original key');
      const header = (name: string) => (dead.headers![name] as Buffer).toString();
      assert.equal(header('x-trace'), 'abc');
      assert.deepEqual(dead.headers!.bin, Buffer.from([0xff, 0x01]), 'binary headers byte for byte');
      assert.equal(header(DeadLetterHeaders.REASON), 'handler-error');
      assert.equal(header(DeadLetterHeaders.ERROR_NAME), 'Error');
      assert.equal(header(DeadLetterHeaders.ERROR_MESSAGE), 'message 3 fails on purpose');
      assert.equal(header(DeadLetterHeaders.DELIVERY_COUNT), '1');
      assert.deepEqual(JSON.parse(header(DeadLetterHeaders.SOURCE)), { topic, partition: 0, offset: 2 });
      assert.ok(!Number.isNaN(Date.parse(header(DeadLetterHeaders.FIRST_FAILURE_AT))));
      assert.ok(!Number.isNaN(Date.parse(header(DeadLetterHeaders.LAST_FAILURE_AT))));
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('1000 messages on one partition, settled out of order after random delays, some nacked: the commit never passes an unsettled offset', async () => {
    // Within a partition handlers start one at a time, in order (strict order). Settlement is
    // pipelined: MANUAL handlers return at once and ack() after a random delay, so up to
    // hundreds of offsets are unsettled at once and settle out of order.
    const topic = uniqueName('thousand');
    const groupId = uniqueName('g');
    await createTopic(topic);
    const total = 1000;
    const settled = new Set<number>();
    const acks = new Map<number, number>();
    let nacks = 0;
    const module = handlerModule(topic, (_data: { i: number }, context) => {
      const offset = Number(context.getOffset());
      const delay = offset % 97 === 0 ? 300 : Math.random() * 30;
      setTimeout(() => {
        if (offset % 50 === 7 && context.getDeliveryCount() === 1) {
          nacks++;
          void context.nack({ delayMs: 20 });
          return;
        }
        settled.add(offset); // recorded before the ack reaches the server
        void context.ack().then((done) => done && acks.set(offset, (acks.get(offset) ?? 0) + 1));
      }, delay);
    }, 'MANUAL');
    const { app } = await startKafkaApp(module, { groupId, concurrency: 8 });
    try {
      let samples = 0;
      let committed = -1;
      const midStream = new Set<number>();
      const sampler = (async () => {
        while (committed < total) {
          committed = (await partitionOffsets(topic, groupId))[0].committed;
          const snapshot = new Set(settled);
          for (let offset = 0; offset < committed; offset++) {
            assert.ok(snapshot.has(offset), `committed offset ${committed} passes unsettled offset ${offset}`);
          }
          samples++;
          if (committed > 0 && committed < total) midStream.add(committed);
          if (samples > 20_000) assert.fail(`the commit did not reach ${total} (at ${committed})`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      // Four chunks of 250; each is sent once the commit reached the end of the one before, so the
      // sampler sees the commit stand mid-stream at 250, 500 and 750 however fast the machine is.
      const chunk = total / 4;
      for (let start = 0; start < total; start += 10) {
        if (start > 0 && start % chunk === 0) {
          await waitFor(() => committed >= start, { timeoutMs: 30_000, message: `the commit at ${start} before the next chunk (at ${committed})` });
        }
        const records = Array.from({ length: 10 }, (_, k) => ({ value: JSON.stringify({ i: start + k }) }));
        await Promise.all(records.map((record) => client.produce(topic, record)));
      }
      await sampler;
      assert.equal(committed, total);
      assert.equal(acks.size, total, 'every message acked');
      assert.ok([...acks.values()].every((count) => count === 1), 'each exactly once');
      assert.ok(nacks >= 19, `nacks happened (${nacks})`);
      // The chunk ends (250, 500, 750) at least: the sampling ran throughout.
      assert.ok(midStream.size >= 3, `sampled throughout: ${samples} samples, ${midStream.size} distinct commits mid-stream`);
    } finally {
      await app.close();
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('ACK_FIRST commits before the handler runs', async () => {
    const topic = uniqueName('ackfirst');
    const groupId = uniqueName('g');
    await createTopic(topic);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const module = handlerModule(topic, async () => {
      started = true;
      await gate;
    }, 'ACK_FIRST');
    // A long coalescing window: only the ACK_FIRST flush can commit in time.
    const { app } = await startKafkaApp(module, { groupId, commitInterval: 60_000, commitEveryN: 1000 });
    try {
      await emit(topic, { i: 1 });
      await waitFor(() => started, { message: 'the handler running' });
      assert.equal(await committedOffset(topic, groupId), 1, 'committed while the handler still runs');
    } finally {
      release();
      await app.close();
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });

  it('a rebalance commits the settled prefix before the partitions are given up', async () => {
    const topic = uniqueName('rebalance');
    const groupId = uniqueName('g');
    await createTopic(topic, 4);
    const handled: string[] = [];
    const module = handlerModule(topic, (_data, context) => void handled.push(`${context.getPartition()}/${context.getOffset()}`), 'ACK');
    // No coalescing trigger fires within the test: commits come only from the rebalance flush.
    const slow = { groupId, commitInterval: 600_000, commitEveryN: 100_000, shutdownTimeoutMs: 1000 };
    const first = await startKafkaApp(module, slow);
    let second: Awaited<ReturnType<typeof startKafkaApp>> | undefined;
    try {
      for (let i = 0; i < 20; i++) await emit(topic, { i });
      await waitFor(() => handled.length === 20, { message: '20 handled by the first consumer' });
      assert.equal((await partitionOffsets(topic, groupId)).reduce((sum, p) => sum + Math.max(0, p.committed), 0), 0, 'nothing committed yet');
      second = await startKafkaApp(module, slow); // joins: the first consumer rebalances
      await waitFor(async () => (await partitionOffsets(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 20_000, message: 'every partition committed to its end' });
      assert.equal(handled.length, 20, 'no partition re-read by the new member');
    } finally {
      await second?.app.close();
      await first.app.close();
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });
});
