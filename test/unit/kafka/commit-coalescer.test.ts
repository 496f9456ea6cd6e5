import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitCoalescer, type CommitCoalescerOptions } from '../../../lib/kafka/commit-coalescer';
import { OffsetTracker } from '../../../lib/kafka/offset-tracker';
import { waitFor } from '../../support/wait-for';

type Offsets = Array<{ topic: string; partition: number; offset: string }>;

/** A coalescer committing through a fake consumer; `commitOffsets` records each call unless overridden. */
function setup(options: Partial<CommitCoalescerOptions> = {}, commitOffsets?: (offsets: Offsets) => Promise<void>) {
  const commits: Offsets[] = [];
  const coalescer = new CommitCoalescer({ intervalMs: 60_000, everyN: 1000, onError: () => undefined, ...options });
  coalescer.use({ commitOffsets: commitOffsets ?? (async (offsets: Offsets) => void commits.push(offsets)) } as never);
  return { coalescer, commits };
}

/** Delivers and settles `offset` on `tracker`, handing the committable offset to the coalescer as `KafkaCommands` does. */
function settle(coalescer: CommitCoalescer, tracker: OffsetTracker, partition: number, offset: number, deliver = true): void {
  if (deliver) tracker.deliver(offset);
  coalescer.settled('t', partition, tracker.settle(offset));
}

describe('CommitCoalescer', () => {
  it('coalesces settlements within the interval into one commit', async () => {
    const { coalescer, commits } = setup({ intervalMs: 30 });
    const tracker = new OffsetTracker();
    for (let offset = 0; offset < 10; offset++) settle(coalescer, tracker, 0, offset);
    assert.equal(commits.length, 0, 'nothing committed before the interval');
    await waitFor(() => commits.length === 1);
    assert.deepEqual(commits[0], [{ topic: 't', partition: 0, offset: '10' }]);
    coalescer.stop();
  });

  it('commits at once after everyN settlements', async () => {
    const { coalescer, commits } = setup({ everyN: 3 });
    const tracker = new OffsetTracker();
    for (let offset = 0; offset < 3; offset++) settle(coalescer, tracker, 0, offset);
    await waitFor(() => commits.length === 1);
    assert.equal(commits[0][0].offset, '3');
    coalescer.stop();
  });

  it('flush() commits every dirty partition now, and skips commits that would not move', async () => {
    const { coalescer, commits } = setup();
    const a = new OffsetTracker();
    const b = new OffsetTracker();
    settle(coalescer, a, 0, 0);
    b.deliver(4);
    settle(coalescer, b, 1, 5);
    await coalescer.flush();
    assert.deepEqual(commits, [[{ topic: 't', partition: 0, offset: '1' }, { topic: 't', partition: 1, offset: '4' }]]);
    coalescer.settled('t', 1, b.committable()); // nothing new below 4
    await coalescer.flush();
    assert.equal(commits.length, 1);
    coalescer.reset('t', 1); // after a rebalance: commit again
    await coalescer.flush();
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[1], [{ topic: 't', partition: 1, offset: '4' }]);
    coalescer.stop();
  });

  it('a flush asked during a running commit runs a second pass covering later settlements', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { coalescer } = setup({}, async (offsets) => {
      seen.push(offsets[0].offset);
      if (seen.length === 1) await gate;
    });
    const tracker = new OffsetTracker();
    settle(coalescer, tracker, 0, 0);
    const first = coalescer.flush();
    settle(coalescer, tracker, 0, 1);
    const second = coalescer.flush();
    release();
    await Promise.all([first, second]);
    assert.deepEqual(seen, ['1', '2']);
    coalescer.stop();
  });

  it('keeps a failed commit due and reports it', async () => {
    const errors: Error[] = [];
    let fail = true;
    const seen: string[] = [];
    const { coalescer } = setup({ onError: (error) => errors.push(error) }, async (offsets) => {
      if (fail) throw new Error('coordinator moved');
      seen.push(offsets[0].offset);
    });
    settle(coalescer, new OffsetTracker(), 0, 0);
    await assert.rejects(coalescer.flush(), { code: 'ACK_BROKER_ERROR', message: /coordinator moved/ });
    assert.equal(errors.length, 1);
    fail = false;
    await coalescer.flush();
    assert.deepEqual(seen, ['1']);
    coalescer.stop();
  });

  it('drops a partition given up', async () => {
    const { coalescer, commits } = setup();
    settle(coalescer, new OffsetTracker(), 0, 0);
    coalescer.drop('t', 0);
    await coalescer.flush();
    assert.equal(commits.length, 0);
    coalescer.stop();
  });

  it('keeps offsets due while no consumer is attached, and sends them once one is', async () => {
    const { coalescer, commits } = setup();
    const consumer = { commitOffsets: async (offsets: Offsets) => void commits.push(offsets) };
    coalescer.use(undefined);
    settle(coalescer, new OffsetTracker(), 0, 0);
    await coalescer.flush();
    assert.equal(commits.length, 0);
    coalescer.use(consumer as never);
    await coalescer.flush();
    assert.deepEqual(commits, [[{ topic: 't', partition: 0, offset: '1' }]]);
    coalescer.stop();
  });

  it('hurry commits a partition at once, or at its next settlement when nothing is due yet; onCommitted reports each confirmed commit', async () => {
    const confirmed: string[] = [];
    const { coalescer, commits } = setup({ onCommitted: (topic, partition, offset) => void confirmed.push(`${topic}/${partition}@${offset}`) });
    const tracker = new OffsetTracker();
    settle(coalescer, tracker, 0, 0);
    coalescer.hurry('t', 0);
    await waitFor(() => commits.length === 1);
    assert.deepEqual(confirmed, ['t/0@1']);
    coalescer.hurry('t', 0); // nothing due: waits for the next settlement
    settle(coalescer, tracker, 0, 1);
    await waitFor(() => commits.length === 2);
    assert.deepEqual(confirmed, ['t/0@1', 't/0@2']);
    coalescer.stop();
  });

  it('tries a failed commit again after intervalMs, even when nothing else settles', async () => {
    let failures = 1;
    const commits: Offsets[] = [];
    const { coalescer } = setup({ intervalMs: 20 }, async (offsets) => {
      if (failures-- > 0) throw new Error('coordinator moved');
      commits.push(offsets);
    });
    const tracker = new OffsetTracker();
    settle(coalescer, tracker, 0, 0);
    await assert.rejects(coalescer.flush(), { code: 'ACK_BROKER_ERROR', message: /coordinator moved/ });
    await waitFor(() => commits.length === 1);
    assert.equal(commits[0][0].offset, '1');
    coalescer.stop();
  });
});
