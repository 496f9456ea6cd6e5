import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { CommitCoalescer } from '../../../lib/kafka/commit-coalescer';
import { KafkaCommands } from '../../../lib/kafka/kafka-commands';
import type { KafkaMessage } from '../../../lib/kafka/kafka-message';
import { PartitionFetch } from '../../../lib/kafka/partition-fetch';
import { OrderedPartitionWorker } from '../../../lib/kafka/ordered-partition-worker';
import { waitFor } from '../../support/wait-for';
import { recordingFetchControl } from './recording-fetch-control';

function record(offset: number): KafkaRecord {
  return { offset: String(offset), key: null, value: Buffer.from(`{"n":${offset}}`), timestamp: '0', attributes: 0, headers: {} } as KafkaRecord;
}

/**
 * A worker on a fake consumer (records pause/resume/seek calls); each delivery
 * is settled as `decide` says, through the real `KafkaCommands` (commits
 * recorded by a fake `commitOffsets`).
 */
function setup(decide: (commands: KafkaCommands, message: KafkaMessage) => Promise<void> | void, maxQueued = 100) {
  const calls: string[] = [];
  const commits: string[] = [];
  const delivered: number[] = [];
  const messages: KafkaMessage[] = [];
  let running = 0;
  let maxRunning = 0;
  const control = recordingFetchControl(calls);
  const coalescer = new CommitCoalescer({ intervalMs: 1, everyN: 1, onError: () => undefined });
  coalescer.use({ commitOffsets: async (offsets: Array<{ offset: string }>) => void commits.push(...offsets.map((o) => o.offset)) } as never);
  const commands = new KafkaCommands(coalescer, undefined);
  const worker = new OrderedPartitionWorker('t', 0, new PartitionFetch('t', 0, control), {
    handle: async (message) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      delivered.push(Number(message.offset));
      messages.push(message);
      try {
        await decide(commands, message);
      } finally {
        running--;
      }
    },
    maxQueued,
    maxUncommitted: 1000,
    concurrency: 10,
    hurryCommit: () => undefined,
    reportError: (error) => {
      throw error;
    },
  });
  const ack = (message: KafkaMessage) => commands.ack(message, { durable: false });
  const lastCommit = () => Number(commits.at(-1) ?? -1);
  return { worker, calls, delivered, messages, commands, ack, lastCommit, maxRunning: () => maxRunning, stop: () => coalescer.stop() };
}

describe('OrderedPartitionWorker (ordering: partition)', () => {
  it('handles one record at a time, in offset order, and each ack moves the commit', async () => {
    const fake = setup(async (commands, message) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      await commands.ack(message, { durable: false });
    });
    fake.worker.enqueue([0, 1, 2].map(record));
    fake.worker.enqueue([3, 4].map(record));
    await waitFor(() => fake.delivered.length === 5);
    assert.deepEqual(fake.delivered, [0, 1, 2, 3, 4]);
    assert.equal(fake.maxRunning(), 1);
    await waitFor(() => fake.lastCommit() === 5);
    fake.stop();
  });

  it('counts deliveries per offset', async () => {
    let failures = 2;
    const fake = setup((commands, message) => (message.offset === '0' && failures-- > 0 ? commands.nack(message, 0) : commands.ack(message, { durable: false })));
    fake.worker.enqueue([record(0)]);
    await waitFor(() => fake.calls.includes('seek 0'));
    fake.worker.enqueue([record(0)]);
    await waitFor(() => fake.calls.filter((c) => c === 'seek 0').length === 2);
    fake.worker.enqueue([record(0)]);
    await waitFor(() => fake.lastCommit() === 1);
    assert.deepEqual(fake.messages.map((m) => m.deliveryCount), [1, 2, 3]);
    fake.stop();
  });

  it('a nack pauses the partition, drops the queue, then seeks back to the offset after the delay', async () => {
    let failures = 1;
    const fake = setup((commands, message) => (message.offset === '1' && failures-- > 0 ? commands.nack(message, 30) : commands.ack(message, { durable: false })));
    fake.worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.worker.fetch.waitingForRetry);
    assert.deepEqual(fake.delivered, [0, 1], 'nothing after the nacked offset runs while it waits');
    assert.equal(fake.worker.tracker.committable(), 1, 'the commit stays at the nacked offset');
    fake.worker.enqueue([2, 3].map(record)); // a batch fetched before the pause: ignored
    await waitFor(() => !fake.worker.fetch.waitingForRetry);
    assert.deepEqual(fake.calls, ['pause', 'seek 1', 'resume']);
    fake.worker.enqueue([1, 2, 3].map(record)); // the re-read after the seek
    await waitFor(() => fake.lastCommit() === 4);
    assert.deepEqual(fake.delivered, [0, 1, 1, 2, 3]);
    fake.stop();
  });

  it('on a re-read, skips offsets still in flight or settled (late manual nack)', async () => {
    const fake = setup(() => undefined); // MANUAL: the handler returns, settles later
    fake.worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 4);
    const [m0, m1, m2] = fake.messages;
    await fake.ack(m0);
    await fake.ack(m2);
    await fake.commands.nack(m1, 0);
    await waitFor(() => fake.calls.includes('seek 1'));
    fake.worker.enqueue([1, 2, 3, 4].map(record));
    await waitFor(() => fake.delivered.length === 6);
    assert.deepEqual(fake.delivered, [0, 1, 2, 3, 1, 4], '2 (settled) and 3 (in flight) are not delivered again');
    assert.equal(fake.worker.tracker.committable(), 1);
    fake.stop();
  });

  it('a late nack drops records queued before it, even when its retry is already due', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = setup(async (commands, message) => {
      if (message.offset === '0') return; // MANUAL: settled later
      if (message.offset === '1') await gate;
      await commands.ack(message, { durable: false });
    });
    fake.worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 2);
    await fake.commands.nack(fake.messages[0], 0); // while 1 runs, 2 and 3 are queued
    await waitFor(() => fake.calls.includes('seek 0'));
    release();
    await waitFor(() => fake.worker.queued === 0);
    assert.deepEqual(fake.delivered, [0, 1], 'the records queued before the nack are dropped');
    fake.worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 5);
    assert.deepEqual(fake.delivered, [0, 1, 0, 2, 3]);
    fake.stop();
  });

  it('a nack while the re-read of an earlier nack is still due re-reads from the earlier one', async () => {
    const fake = setup(() => undefined); // MANUAL: settled later
    fake.worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 4);
    const [, m1, , m3] = fake.messages;
    await fake.commands.nack(m1, 0);
    await waitFor(() => fake.calls.includes('seek 1')); // the re-read of 1 is fetched, but not received yet:
    await fake.commands.nack(m3, 0); // 3, still in flight from the first read, is nacked late
    await waitFor(() => fake.calls.filter((c) => c.startsWith('seek')).length === 2);
    assert.deepEqual(fake.calls.filter((c) => c.startsWith('seek')), ['seek 1', 'seek 1'], 'not seek 3: offset 1 would never come back');
    fake.worker.enqueue([1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 6);
    assert.deepEqual(fake.delivered, [0, 1, 2, 3, 1, 3]);
    fake.stop();
  });

  it('pauses fetching when the queue is full and resumes when it drains', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = setup(async (commands, message) => {
      await gate;
      await commands.ack(message, { durable: false });
    }, 4);
    fake.worker.enqueue([0, 1, 2, 3, 4, 5].map(record));
    assert.deepEqual(fake.calls, ['pause']);
    release();
    await waitFor(() => fake.lastCommit() === 6);
    assert.deepEqual(fake.calls, ['pause', 'resume']);
    fake.stop();
  });

  it('a retired worker delivers nothing more, and settling its messages throws DeliveryGoneError', async () => {
    const fake = setup(() => undefined);
    fake.worker.enqueue([record(0)]);
    await waitFor(() => fake.delivered.length === 1);
    fake.worker.retire();
    fake.worker.enqueue([record(1)]);
    await assert.rejects(fake.commands.nack(fake.messages[0], 0), { name: 'DeliveryGoneError' });
    await assert.rejects(async () => fake.ack(fake.messages[0]), { name: 'DeliveryGoneError' });
    assert.deepEqual(fake.delivered, [0]);
    assert.deepEqual(fake.calls, []);
    assert.equal(fake.worker.tracker.owned, false);
    fake.stop();
  });

  it('after a rejoin, drops queued records and resumes (kafkajs fetches again from the commit)', async () => {
    const fake = setup((commands, message) => commands.ack(message, { durable: false }));
    fake.worker.enqueue([0, 1].map(record));
    await waitFor(() => fake.lastCommit() === 2);
    fake.worker.rejoined();
    assert.deepEqual(fake.calls, ['resume']);
    fake.worker.enqueue([0, 1, 2].map(record)); // refetch from an older commit
    await waitFor(() => fake.lastCommit() === 3);
    assert.deepEqual(fake.delivered, [0, 1, 2]);
    fake.stop();
  });
});
