import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { CommitCoalescer } from '../../../lib/kafka/commit-coalescer';
import { KafkaCommands } from '../../../lib/kafka/kafka-commands';
import type { KafkaMessage } from '../../../lib/kafka/kafka-message';
import { PartitionAssignment } from '../../../lib/kafka/partition-assignment';
import { FetchControl } from '../../../lib/kafka/partition-fetch';
import { waitFor } from '../../support/wait-for';

function record(offset: number): KafkaRecord {
  return { offset: String(offset), key: null, value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} } as KafkaRecord;
}

function setup() {
  const calls: string[] = [];
  const commits: string[] = [];
  const messages: KafkaMessage[] = [];
  const control = new FetchControl((error) => {
    throw error;
  });
  control.use({
    pause: ([{ topic, partitions }]: Array<{ topic: string; partitions: number[] }>) => void calls.push(`pause ${topic}/${partitions[0]}`),
    resume: ([{ topic, partitions }]: Array<{ topic: string; partitions: number[] }>) => void calls.push(`resume ${topic}/${partitions[0]}`),
    seek: ({ topic, partition, offset }: { topic: string; partition: number; offset: string }) => void calls.push(`seek ${topic}/${partition} ${offset}`),
  } as never);
  const coalescer = new CommitCoalescer({ intervalMs: 60_000, everyN: 1000, onError: () => undefined });
  coalescer.use({ commitOffsets: async (offsets: Array<{ topic: string; partition: number; offset: string }>) => void commits.push(...offsets.map((o) => `${o.topic}/${o.partition}@${o.offset}`)) } as never);
  const assignment = new PartitionAssignment(control, coalescer, {
    handle: async (message) => void messages.push(message),
    ordering: 'partition',
    concurrency: 10,
    maxQueued: 100,
    maxUncommitted: 1000,
    hurryCommit: () => undefined,
    reportError: (error) => {
      throw error;
    },
  });
  return { calls, commits, messages, coalescer, commands: new KafkaCommands(coalescer, undefined), assignment };
}

describe('PartitionAssignment', () => {
  it('creates workers for new partitions and clears pauses left from an earlier ownership', () => {
    const { assignment, calls } = setup();
    assignment.assign({ t: [0, 1] });
    assert.deepEqual(calls, ['resume t/0', 'resume t/1']);
    assert.equal(assignment.workerFor('t', 0), assignment.workerFor('t', 0));
  });

  it('hands received records to the partition\'s worker', async () => {
    const { assignment, messages } = setup();
    assignment.assign({ t: [0, 1] });
    assignment.receive('t', 1, [record(7)]);
    await waitFor(() => messages.length === 1);
    assert.deepEqual([messages[0].topic, messages[0].partition, messages[0].offset, messages[0].deliveryCount], ['t', 1, '7', 1]);
  });

  it('retires revoked partitions: no more commits, delivery counts forgotten', async () => {
    const { assignment, coalescer, commits, commands, messages } = setup();
    assignment.assign({ t: [0, 1] });
    const revoked = assignment.workerFor('t', 1);
    assignment.receive('t', 1, [record(0)]);
    await waitFor(() => messages.length === 1);
    await commands.nack(messages[0], 60_000);
    assignment.assign({ t: [0] });
    assert.equal(revoked.tracker.owned, false);
    await assert.rejects(async () => commands.ack(messages[0], { durable: false }), { name: 'DeliveryGoneError' });
    await coalescer.flush();
    assert.deepEqual(commits, [], 'a revoked partition is not committed after the rejoin');
    const fresh = assignment.workerFor('t', 1);
    assert.notEqual(fresh, revoked, 'assigned again later: a fresh worker');
    fresh.enqueue([record(0)]);
    await waitFor(() => messages.length === 2);
    assert.equal(messages[1].deliveryCount, 1, 'the delivery count starts again');
  });

  it('commits kept partitions again after a rejoin', async () => {
    const { assignment, coalescer, commits, commands, messages } = setup();
    assignment.assign({ t: [0] });
    assignment.receive('t', 0, [record(4)]);
    await waitFor(() => messages.length === 1);
    await commands.ack(messages[0], { durable: false });
    await coalescer.flush();
    assignment.assign({ t: [0] });
    await coalescer.flush();
    assert.deepEqual(commits, ['t/0@5', 't/0@5']);
    coalescer.stop();
  });
});
