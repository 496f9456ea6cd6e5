import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { CommitCoalescer } from '../../../lib/kafka/commit-coalescer';
import { KafkaCommands } from '../../../lib/kafka/kafka-commands';
import type { KafkaMessage } from '../../../lib/kafka/kafka-message';
import { KeyedPartitionWorker } from '../../../lib/kafka/keyed-partition-worker';
import { OrderedPartitionWorker } from '../../../lib/kafka/ordered-partition-worker';
import { PartitionFetch } from '../../../lib/kafka/partition-fetch';
import type { PartitionWorker } from '../../../lib/kafka/partition-worker';
import { waitFor } from '../../support/wait-for';
import { recordingFetchControl } from './recording-fetch-control';

function record(offset: number, key: string | null): KafkaRecord {
  return { offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} } as KafkaRecord;
}

interface Options {
  ordering: 'partition' | 'key' | 'none';
  concurrency?: number;
  maxUncommitted?: number;
  /** Commits are confirmed only while this returns true (else they wait, as on a slow broker). */
  commitsFlow?: () => boolean;
}

/**
 * A worker on a fake consumer, settled through the real `KafkaCommands` and
 * `CommitCoalescer` (commits confirmed back to the worker, as the server wires them).
 */
function setup(decide: (commands: KafkaCommands, message: KafkaMessage) => Promise<void> | void, options: Options) {
  const calls: string[] = [];
  const commits: number[] = [];
  const delivered: Array<{ offset: number; key: string | null; count: number }> = [];
  const hurried: number[] = [];
  let running = 0;
  let maxRunning = 0;
  let settledBelowCommit = true;
  const settledOffsets = new Set<number>();
  const control = recordingFetchControl(calls);
  let worker!: PartitionWorker;
  const coalescer = new CommitCoalescer({
    intervalMs: 1,
    everyN: 1,
    onError: () => undefined,
    onCommitted: (_topic, _partition, offset) => worker.committed(offset),
  });
  coalescer.use({
    commitOffsets: async (offsets: Array<{ offset: string }>) => {
      await waitFor(() => (options.commitsFlow ?? (() => true))(), { intervalMs: 2 });
      for (const { offset } of offsets) {
        commits.push(Number(offset));
        for (let below = 0; below < Number(offset); below++) if (!settledOffsets.has(below)) settledBelowCommit = false;
      }
    },
  } as never);
  const commands = new KafkaCommands(coalescer, undefined);
  const settings = {
    handle: async (message: KafkaMessage) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      delivered.push({ offset: Number(message.offset), key: message.recordKey?.toString() ?? null, count: message.deliveryCount });
      try {
        await decide(commands, message);
      } finally {
        running--;
      }
    },
    maxQueued: 1000,
    maxUncommitted: options.maxUncommitted ?? 10_000,
    concurrency: options.concurrency ?? 10,
    hurryCommit: (topic: string, partition: number) => {
      hurried.push(delivered.length);
      coalescer.hurry(topic, partition);
    },
    reportError: (error: Error) => {
      throw error;
    },
  };
  const fetch = new PartitionFetch('t', 0, control);
  worker = options.ordering === 'partition' ? new OrderedPartitionWorker('t', 0, fetch, settings) : new KeyedPartitionWorker('t', 0, fetch, settings, options.ordering);
  const ack = async (message: KafkaMessage) => {
    settledOffsets.add(Number(message.offset));
    await commands.ack(message, { durable: false });
  };
  return {
    worker,
    calls,
    delivered,
    hurried,
    ack,
    commands,
    lastCommit: () => commits.at(-1) ?? -1,
    maxRunning: () => maxRunning,
    neverPassedUnsettled: () => settledBelowCommit,
    stop: () => coalescer.stop(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function perKey(delivered: Array<{ offset: number; key: string | null }>): Map<string | null, number[]> {
  const keys = new Map<string | null, number[]>();
  for (const { offset, key } of delivered) keys.set(key, [...(keys.get(key) ?? []), offset]);
  return keys;
}

describe('KeyedPartitionWorker', () => {
  it("ordering 'key': per key in offset order, keys side by side up to concurrency; the commit never passes a waiting record", async () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const fake = setup(async (_commands, message) => {
      await sleep(random() * 4);
      await fake.ack(message);
    }, { ordering: 'key', concurrency: 4 });
    const keys = ['a', 'b', 'c', 'd', 'e', null];
    const records = Array.from({ length: 200 }, (_, offset) => record(offset, keys[Math.floor(random() * keys.length)]));
    fake.worker.enqueue(records.slice(0, 120));
    fake.worker.enqueue(records.slice(120));
    await waitFor(() => fake.lastCommit() === 200, { message: 'everything committed' });
    assert.equal(fake.delivered.length, 200);
    for (const [key, offsets] of perKey(fake.delivered)) assert.deepEqual(offsets, [...offsets].sort((x, y) => x - y), `key ${key} in order`);
    assert.ok(fake.maxRunning() > 1 && fake.maxRunning() <= 4, `ran ${fake.maxRunning()} at once`);
    assert.ok(fake.neverPassedUnsettled(), 'no commit passed an unsettled offset');
    fake.stop();
  });

  it("ordering 'key': a nack holds back only its key, which comes back from memory after the delay (no pause, no seek)", async () => {
    let failures = 1;
    let commitAtRetry: number | undefined;
    const fake = setup(async (commands, message) => {
      if (message.offset === '0' && failures-- > 0) return commands.nack(message, 200);
      if (message.offset === '0') commitAtRetry = fake.lastCommit();
      await fake.ack(message);
    }, { ordering: 'key' });
    fake.worker.enqueue([record(0, 'a'), record(1, 'b'), record(2, 'a'), record(3, 'b'), record(4, 'c')]);
    await waitFor(() => fake.lastCommit() === 5);
    assert.deepEqual(fake.delivered.slice(0, 4).map((d) => d.offset).sort(), [0, 1, 3, 4], 'keys b and c flow while a waits');
    assert.ok(commitAtRetry !== undefined && commitAtRetry <= 0, `the commit stays at the nacked offset 0 until it is retried (was ${commitAtRetry})`);
    assert.deepEqual(fake.delivered.filter((d) => d.key === 'a').map((d) => [d.offset, d.count]), [[0, 1], [0, 2], [2, 1]]);
    assert.deepEqual(fake.calls, [], 'the partition was never paused nor sought');
    fake.stop();
  });

  it("ordering 'none': any order, up to concurrency at once, and a nack holds back nothing else", async () => {
    let failures = 1;
    const fake = setup(async (commands, message) => {
      await sleep(5);
      if (message.offset === '1' && failures-- > 0) return commands.nack(message, 500);
      await fake.ack(message);
    }, { ordering: 'none', concurrency: 3 });
    fake.worker.enqueue(Array.from({ length: 12 }, (_, offset) => record(offset, 'same')));
    await waitFor(() => fake.lastCommit() === 12);
    assert.equal(fake.maxRunning(), 3);
    assert.deepEqual(fake.delivered.filter((d) => d.offset === 1).map((d) => d.count), [1, 2]);
    assert.ok(fake.delivered.findIndex((d) => d.offset === 11) < fake.delivered.map((d) => d.offset).lastIndexOf(1), 'later records ran before the retry');
    fake.stop();
  });

  for (const ordering of ['partition', 'key'] as const) {
    it(`ordering '${ordering}': hands out at most maxUncommitted offsets past the confirmed commit, asks for it, and goes on once it is confirmed`, async () => {
      let flowing = false;
      const fake = setup((_commands, message) => fake.ack(message), { ordering, maxUncommitted: 5, commitsFlow: () => flowing });
      fake.worker.enqueue(Array.from({ length: 20 }, (_, offset) => record(offset, `k${offset % 3}`)));
      await waitFor(() => fake.delivered.length === 5);
      await sleep(30);
      assert.equal(fake.delivered.length, 5, 'offsets 0-4 handled, 5 waits for a commit');
      assert.equal(fake.hurried.length, 1, 'the commit was asked for once');
      flowing = true;
      await waitFor(() => fake.lastCommit() === 20);
      assert.deepEqual(fake.delivered.map((d) => d.offset).sort((x, y) => x - y), Array.from({ length: 20 }, (_, k) => k));
      fake.stop();
    });
  }

  it("ordering 'key': a record that stays unsettled stops its partition a window past it, not before", async () => {
    const fake = setup((_commands, message) => (message.offset === '0' ? undefined : fake.ack(message)), { ordering: 'key', maxUncommitted: 6 });
    fake.worker.enqueue(Array.from({ length: 10 }, (_, offset) => record(offset, `k${offset}`)));
    await waitFor(() => fake.delivered.length === 6);
    await sleep(30);
    assert.deepEqual(fake.delivered.map((d) => d.offset), [0, 1, 2, 3, 4, 5]);
    fake.stop();
  });
});
