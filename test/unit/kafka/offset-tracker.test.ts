import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OffsetTracker } from '../../../lib/kafka/offset-tracker';

describe('OffsetTracker', () => {
  it('has nothing to commit before a delivery', () => {
    assert.equal(new OffsetTracker().committable(), undefined);
  });

  it('commits the lowest unsettled offset: in-flight offsets hold the commit back', () => {
    const tracker = new OffsetTracker();
    for (const offset of [0, 1, 2]) tracker.deliver(offset);
    assert.equal(tracker.committable(), 0);
    tracker.settle(1);
    tracker.settle(2);
    assert.equal(tracker.committable(), 0, 'settled 1 and 2 do not pass unsettled 0');
    tracker.settle(0);
    assert.equal(tracker.committable(), 3, 'offset + 1 of the settled prefix');
  });

  it('never passes a nacked offset, and delivers it again', () => {
    const tracker = new OffsetTracker();
    for (const offset of [5, 6, 7]) tracker.deliver(offset);
    tracker.settle(5);
    tracker.nack(6);
    tracker.settle(7);
    assert.equal(tracker.committable(), 6);
    assert.equal(tracker.shouldDeliver(6), true, 'the nacked offset is delivered again');
    assert.equal(tracker.shouldDeliver(7), false, 'a settled offset is skipped on the re-read');
    assert.equal(tracker.shouldDeliver(5), false, 'below the committed offset');
    assert.equal(tracker.deliver(6), 2, 'the second delivery');
    assert.equal(tracker.state(6), 'in-flight');
    assert.equal(tracker.committable(), 6);
    tracker.settle(6);
    assert.equal(tracker.committable(), 8);
  });

  it('skips offsets in flight on a re-read (no second concurrent delivery)', () => {
    const tracker = new OffsetTracker();
    tracker.deliver(0);
    tracker.deliver(1);
    assert.equal(tracker.deliver(1), 0);
    assert.equal(tracker.shouldDeliver(2), true);
  });

  it('handles gaps in offsets (compaction, transaction markers)', () => {
    const tracker = new OffsetTracker();
    tracker.deliver(10);
    tracker.deliver(14);
    tracker.settle(14);
    assert.equal(tracker.committable(), 10);
    tracker.settle(10);
    assert.equal(tracker.committable(), 15);
  });

  it('counts deliveries per offset, and forgets them once committed', () => {
    const tracker = new OffsetTracker();
    assert.equal(tracker.deliver(0), 1);
    tracker.nack(0);
    assert.equal(tracker.deliver(0), 2);
    assert.equal(tracker.deliveries(0), 2);
    assert.equal(tracker.settle(0), 1, 'settle returns the offset to commit');
    assert.equal(tracker.deliveries(0), 0);
  });

  it('a nack returns where to read again from: the lowest nacked offset still due', () => {
    const tracker = new OffsetTracker();
    for (const offset of [0, 1, 2, 3]) tracker.deliver(offset);
    assert.equal(tracker.nack(1), 1);
    assert.equal(tracker.nack(3), 1, 'offset 1 was not read again yet: the re-read starts there');
    tracker.deliver(1);
    assert.equal(tracker.nack(2), 2, 'once 1 is delivered again, 2 is the lowest');
  });

  it('delivers nothing once retired', () => {
    const tracker = new OffsetTracker();
    tracker.deliver(0);
    tracker.nack(0);
    tracker.retire();
    assert.equal(tracker.owned, false);
    assert.equal(tracker.deliver(0), 0);
  });

  it('refuses a new offset below one already delivered (order within a partition)', () => {
    const tracker = new OffsetTracker();
    tracker.deliver(3);
    assert.throws(() => tracker.deliver(2), /delivered in order/);
  });

  it('counts unsettled offsets and forgets the committed prefix', () => {
    const tracker = new OffsetTracker();
    for (let offset = 0; offset < 100; offset++) tracker.deliver(offset);
    for (let offset = 0; offset < 100; offset += 2) tracker.settle(offset);
    assert.equal(tracker.unsettled, 50);
    for (let offset = 1; offset < 50; offset += 2) tracker.settle(offset);
    assert.equal(tracker.committable(), 51);
    assert.equal(tracker.state(10), 'settled');
  });

  it('keeps the invariant under random settlement order (model check)', () => {
    for (let round = 0; round < 50; round++) {
      const tracker = new OffsetTracker();
      const settled = new Set<number>();
      const count = 200;
      for (let offset = 0; offset < count; offset++) tracker.deliver(offset);
      const order = [...Array(count).keys()].sort(() => Math.random() - 0.5);
      for (const offset of order) {
        tracker.settle(offset);
        settled.add(offset);
        const commit = tracker.committable()!;
        for (let below = 0; below < commit; below++) assert.ok(settled.has(below), `commit ${commit} passes unsettled ${below}`);
        assert.ok(commit === count || !settled.has(commit), 'the commit is the lowest unsettled offset');
      }
      assert.equal(tracker.committable(), count);
    }
  });

  it('queued offsets hold the commit back and may then be delivered in any order', () => {
    const tracker = new OffsetTracker();
    for (const offset of [0, 1, 2, 3]) assert.equal(tracker.queue(offset), true);
    assert.equal(tracker.deliver(2), 1);
    tracker.settle(2);
    assert.equal(tracker.deliver(0), 1);
    tracker.settle(0);
    assert.equal(tracker.committable(), 1, 'offset 1, still queued, holds the commit');
    assert.equal(tracker.queue(1), true, 'fetched again after a rejoin: still to deliver');
    assert.equal(tracker.queue(2), false, 'settled');
    assert.equal(tracker.deliver(3), 1);
    assert.equal(tracker.queue(3), false, 'in flight');
    assert.equal(tracker.deliver(1), 1);
    tracker.settle(1);
    tracker.settle(3);
    assert.equal(tracker.committable(), 4);
    const fresh = new OffsetTracker();
    fresh.queue(5);
    assert.throws(() => fresh.queue(3), /delivered in order/, 'a new offset below one already queued');
  });

  it('over thousands of offsets settled out of order, with nacks, always commits the lowest unsettled one (against a plain model)', () => {
    const tracker = new OffsetTracker();
    const unsettled = new Set<number>();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let next = 0;
    let highest = -1;
    for (let step = 0; step < 20_000; step++) {
      if (next < 6000 && (unsettled.size === 0 || random() < 0.5)) {
        assert.equal(tracker.deliver(next), 1);
        unsettled.add(next);
        highest = next;
        next += random() < 0.1 ? 2 : 1; // gaps, as after compaction
        continue;
      }
      if (unsettled.size === 0) break;
      // Settle a random unsettled offset, or nack it and deliver it again.
      const pending = [...unsettled];
      const offset = pending[Math.floor(random() * pending.length)];
      if (random() < 0.1) {
        tracker.nack(offset);
        assert.ok(tracker.deliver(offset) >= 2, 'delivered again after its nack');
        continue;
      }
      unsettled.delete(offset);
      const expected = unsettled.size > 0 ? Math.min(...unsettled) : highest + 1;
      assert.equal(tracker.settle(offset), expected, `after settling ${offset}`);
    }
    assert.ok(next >= 6000, 'thousands of offsets went through');
  });
});
