import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitCoalescer } from '../../../lib/kafka/commit-coalescer';
import { DeliveryCounter } from '../../../lib/kafka/delivery-counter';
import { PartitionAssignment } from '../../../lib/kafka/partition-assignment';
import type { PartitionHost } from '../../../lib/kafka/partition-worker';

function setup() {
  const calls: string[] = [];
  const commits: string[] = [];
  const host: PartitionHost = {
    pause: (t, p) => void calls.push(`pause ${t}/${p}`),
    resume: (t, p) => void calls.push(`resume ${t}/${p}`),
    seek: (t, p, o) => void calls.push(`seek ${t}/${p} ${o}`),
    deliver: async () => undefined,
    reportError: (error) => {
      throw error;
    },
  };
  const coalescer = new CommitCoalescer({
    commit: async (offsets) => void commits.push(...offsets.map((o) => `${o.topic}/${o.partition}@${o.offset}`)),
    intervalMs: 60_000,
    everyN: 1000,
    onError: () => undefined,
  });
  const deliveries = new DeliveryCounter();
  return { calls, commits, coalescer, deliveries, assignment: new PartitionAssignment(host, coalescer, deliveries, 100) };
}

describe('PartitionAssignment', () => {
  it('creates workers for new partitions and clears pauses left from an earlier ownership', () => {
    const { assignment, calls } = setup();
    assignment.assign({ t: [0, 1] });
    assert.deepEqual(calls, ['resume t/0', 'resume t/1']);
    assert.equal(assignment.workerFor('t', 0), assignment.workerFor('t', 0));
  });

  it('retires revoked partitions: no more commits, delivery counts forgotten', async () => {
    const { assignment, coalescer, commits, deliveries } = setup();
    assignment.assign({ t: [0, 1] });
    const revoked = assignment.workerFor('t', 1);
    revoked.tracker.deliver(0);
    revoked.settle(0);
    coalescer.settled(revoked);
    deliveries.next('t', 1, 0);
    assignment.assign({ t: [0] });
    assert.equal(revoked.owns, false);
    assert.equal(deliveries.size, 0);
    await coalescer.flush();
    assert.deepEqual(commits, [], 'a revoked partition is not committed after the rejoin');
    assert.notEqual(assignment.workerFor('t', 1), revoked, 'assigned again later: a fresh worker');
  });

  it('commits kept partitions again after a rejoin', async () => {
    const { assignment, coalescer, commits } = setup();
    assignment.assign({ t: [0] });
    const kept = assignment.workerFor('t', 0);
    kept.tracker.deliver(4);
    kept.settle(4);
    coalescer.settled(kept);
    await coalescer.flush();
    assignment.assign({ t: [0] });
    await coalescer.flush();
    assert.deepEqual(commits, ['t/0@5', 't/0@5']);
    coalescer.stop();
  });
});
