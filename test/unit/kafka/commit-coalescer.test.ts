import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitCoalescer, type CommitSource } from '../../../lib/kafka/commit-coalescer';
import { OffsetTracker } from '../../../lib/kafka/offset-tracker';
import { waitFor } from '../../support/wait-for';

function source(partition: number): CommitSource & { tracker: OffsetTracker } {
  const tracker = new OffsetTracker();
  return { topic: 't', partition, tracker, committable: () => tracker.committable() };
}

function recorder() {
  const commits: Array<Array<{ topic: string; partition: number; offset: string }>> = [];
  return { commits, commit: async (offsets: (typeof commits)[number]) => void commits.push(offsets) };
}

describe('CommitCoalescer', () => {
  it('coalesces settlements within the interval into one commit', async () => {
    const { commits, commit } = recorder();
    const coalescer = new CommitCoalescer({ commit, intervalMs: 30, everyN: 1000, onError: () => undefined });
    const p = source(0);
    for (let offset = 0; offset < 10; offset++) {
      p.tracker.deliver(offset);
      p.tracker.settle(offset);
      coalescer.settled(p);
    }
    assert.equal(commits.length, 0, 'nothing committed before the interval');
    await waitFor(() => commits.length === 1);
    assert.deepEqual(commits[0], [{ topic: 't', partition: 0, offset: '10' }]);
    coalescer.stop();
  });

  it('commits at once after everyN settlements', async () => {
    const { commits, commit } = recorder();
    const coalescer = new CommitCoalescer({ commit, intervalMs: 60_000, everyN: 3, onError: () => undefined });
    const p = source(0);
    for (let offset = 0; offset < 3; offset++) {
      p.tracker.deliver(offset);
      p.tracker.settle(offset);
      coalescer.settled(p);
    }
    await waitFor(() => commits.length === 1);
    assert.equal(commits[0][0].offset, '3');
    coalescer.stop();
  });

  it('flush() commits every dirty partition now, and skips commits that would not move', async () => {
    const { commits, commit } = recorder();
    const coalescer = new CommitCoalescer({ commit, intervalMs: 60_000, everyN: 1000, onError: () => undefined });
    const a = source(0);
    const b = source(1);
    a.tracker.deliver(0);
    a.tracker.settle(0);
    b.tracker.deliver(4);
    b.tracker.deliver(5);
    b.tracker.settle(5);
    coalescer.settled(a);
    coalescer.settled(b);
    await coalescer.flush();
    assert.deepEqual(commits, [[{ topic: 't', partition: 0, offset: '1' }, { topic: 't', partition: 1, offset: '4' }]]);
    coalescer.settled(b); // nothing new below 4
    await coalescer.flush();
    assert.equal(commits.length, 1);
    coalescer.reset(b); // after a rebalance: commit again
    await coalescer.flush();
    assert.equal(commits.length, 2);
    coalescer.stop();
  });

  it('a flush asked during a running commit runs a second pass covering later settlements', async () => {
    const commits: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = new CommitCoalescer({
      commit: async (offsets) => {
        commits.push(offsets[0].offset);
        if (commits.length === 1) await gate;
      },
      intervalMs: 60_000,
      everyN: 1000,
      onError: () => undefined,
    });
    const p = source(0);
    p.tracker.deliver(0);
    p.tracker.settle(0);
    coalescer.settled(p);
    const first = coalescer.flush();
    p.tracker.deliver(1);
    p.tracker.settle(1);
    coalescer.settled(p);
    const second = coalescer.flush();
    release();
    await Promise.all([first, second]);
    assert.deepEqual(commits, ['1', '2']);
    coalescer.stop();
  });

  it('keeps a failed commit due and reports it', async () => {
    const errors: Error[] = [];
    let fail = true;
    const commits: string[] = [];
    const coalescer = new CommitCoalescer({
      commit: async (offsets) => {
        if (fail) throw new Error('coordinator moved');
        commits.push(offsets[0].offset);
      },
      intervalMs: 60_000,
      everyN: 1000,
      onError: (error) => errors.push(error),
    });
    const p = source(0);
    p.tracker.deliver(0);
    p.tracker.settle(0);
    coalescer.settled(p);
    await assert.rejects(coalescer.flush(), /coordinator moved/);
    assert.equal(errors.length, 1);
    fail = false;
    await coalescer.flush();
    assert.deepEqual(commits, ['1']);
    coalescer.stop();
  });

  it('drops a partition given up', async () => {
    const { commits, commit } = recorder();
    const coalescer = new CommitCoalescer({ commit, intervalMs: 60_000, everyN: 1000, onError: () => undefined });
    const p = source(0);
    p.tracker.deliver(0);
    p.tracker.settle(0);
    coalescer.settled(p);
    coalescer.drop(p);
    await coalescer.flush();
    assert.equal(commits.length, 0);
    coalescer.stop();
  });
});
