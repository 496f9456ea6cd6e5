import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KafkaMessage as KafkaRecord } from 'kafkajs';
import { PartitionWorker, type PartitionHost } from '../../../lib/kafka/partition-worker';
import { waitFor } from '../../support/wait-for';

function record(offset: number): KafkaRecord {
  return { offset: String(offset), key: null, value: Buffer.from(`{"n":${offset}}`), timestamp: '0', attributes: 0, headers: {} } as KafkaRecord;
}

/** A fake consumer: records pause/resume/seek calls; deliver settles as `decide` says. */
function fakeHost(decide: (worker: PartitionWorker, offset: number) => Promise<void> | void) {
  const calls: string[] = [];
  const delivered: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const host: PartitionHost = {
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    seek: (_t, _p, offset) => void calls.push(`seek ${offset}`),
    deliver: async (worker, r) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      delivered.push(Number(r.offset));
      try {
        await decide(worker, Number(r.offset));
      } finally {
        running--;
      }
    },
    reportError: (error) => {
      throw error;
    },
  };
  return { host, calls, delivered, maxRunning: () => maxRunning };
}

describe('PartitionWorker', () => {
  it('handles one record at a time, in offset order', async () => {
    const fake = fakeHost(async (worker, offset) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      worker.settle(offset);
    });
    const worker = new PartitionWorker('t', 0, fake.host, 100);
    worker.enqueue([0, 1, 2].map(record));
    worker.enqueue([3, 4].map(record));
    await waitFor(() => fake.delivered.length === 5);
    assert.deepEqual(fake.delivered, [0, 1, 2, 3, 4]);
    assert.equal(fake.maxRunning(), 1);
    await waitFor(() => worker.committable() === 5);
  });

  it('a nack pauses the partition, drops the queue, then seeks back to the offset after the delay', async () => {
    let failures = 1;
    const fake = fakeHost((worker, offset) => {
      if (offset === 1 && failures-- > 0) worker.nack(offset, 30);
      else worker.settle(offset);
    });
    const worker = new PartitionWorker('t', 0, fake.host, 100);
    worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => worker.waitingForRetry);
    assert.deepEqual(fake.delivered, [0, 1], 'nothing after the nacked offset runs while it waits');
    assert.equal(worker.committable(), 1, 'the commit stays at the nacked offset');
    worker.enqueue([2, 3].map(record)); // a batch fetched before the pause: ignored
    await waitFor(() => !worker.waitingForRetry);
    assert.deepEqual(fake.calls, ['pause', 'seek 1', 'resume']);
    worker.enqueue([1, 2, 3].map(record)); // the re-read after the seek
    await waitFor(() => worker.committable() === 4);
    assert.deepEqual(fake.delivered, [0, 1, 1, 2, 3]);
  });

  it('on a re-read, skips offsets still in flight or settled (late manual nack)', async () => {
    const fake = fakeHost(() => undefined); // MANUAL: the handler returns, settles later
    const worker = new PartitionWorker('t', 0, fake.host, 100);
    worker.enqueue([0, 1, 2, 3].map(record));
    await waitFor(() => fake.delivered.length === 4);
    worker.settle(0);
    worker.settle(2);
    worker.nack(1, 0);
    await waitFor(() => fake.calls.includes('seek 1'));
    worker.enqueue([1, 2, 3, 4].map(record));
    await waitFor(() => fake.delivered.length === 6);
    assert.deepEqual(fake.delivered, [0, 1, 2, 3, 1, 4], '2 (settled) and 3 (in flight) are not delivered again');
    assert.equal(worker.committable(), 1);
  });

  it('pauses fetching when the queue is full and resumes when it drains', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeHost(async (worker, offset) => {
      await gate;
      worker.settle(offset);
    });
    const worker = new PartitionWorker('t', 0, fake.host, 4);
    worker.enqueue([0, 1, 2, 3, 4, 5].map(record));
    assert.deepEqual(fake.calls, ['pause']);
    release();
    await waitFor(() => worker.committable() === 6);
    assert.deepEqual(fake.calls, ['pause', 'resume']);
  });

  it('a retired worker delivers nothing more and ignores nacks', async () => {
    const fake = fakeHost(() => undefined);
    const worker = new PartitionWorker('t', 0, fake.host, 100);
    worker.retire();
    worker.enqueue([0].map(record));
    worker.nack(0, 0);
    assert.deepEqual(fake.delivered, []);
    assert.deepEqual(fake.calls, []);
    assert.equal(worker.owns, false);
  });

  it('after a rejoin, drops queued records and resumes (kafkajs fetches again from the commit)', async () => {
    const fake = fakeHost((worker, offset) => worker.settle(offset));
    const worker = new PartitionWorker('t', 0, fake.host, 100);
    worker.enqueue([0, 1].map(record));
    await waitFor(() => worker.committable() === 2);
    worker.rejoined();
    assert.deepEqual(fake.calls, ['resume']);
    worker.enqueue([0, 1, 2].map(record)); // refetch from an older commit
    await waitFor(() => worker.committable() === 3);
    assert.deepEqual(fake.delivered, [0, 1, 2]);
  });
});
