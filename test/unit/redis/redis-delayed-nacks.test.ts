import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { RedisMessage } from '../../../lib/redis';
import { DelayedNacks } from '../../../lib/redis/redis-delayed-nacks';

const message = (key: string): RedisMessage => ({ key } as RedisMessage);
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Redis delayed nacks', () => {
  it('a delay below minIdleMs is one idle time: minIdle - delay, nothing kept', () => {
    const nacks = new DelayedNacks(1000, 300, async () => true, () => assert.fail());
    assert.deepEqual(nacks.idleFor(0), { idleMs: 1000, keep: false });
    assert.deepEqual(nacks.idleFor(250), { idleMs: 750, keep: false });
    assert.deepEqual(nacks.idleFor(1000), { idleMs: 0, keep: true });
  });

  it('a longer delay is kept young, then given the idle time that makes it due on time', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const touches: number[] = [];
      const nacks = new DelayedNacks(1000, 300, async (_m, idleMs) => (touches.push(idleMs), true), () => assert.fail());
      nacks.keep(message('a'), 2500);
      for (let t = 0; t < 8; t++) {
        mock.timers.tick(300);
        await flush();
      }
      // At 300..1500 ms more than minIdle is left: idle 0. At 1800 ms, 700 ms are left: idle 300, and done.
      assert.deepEqual(touches, [0, 0, 0, 0, 0, 300]);
      assert.equal(nacks.size, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('stops when the entry is no longer ours', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      let calls = 0;
      const nacks = new DelayedNacks(1000, 300, async () => (calls++, false), () => assert.fail());
      nacks.keep(message('a'), 10_000);
      mock.timers.tick(300);
      await flush();
      mock.timers.tick(3000);
      await flush();
      assert.equal(calls, 1);
      assert.equal(nacks.size, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('releaseAll makes every kept entry claimable at once (idle = minIdleMs)', async () => {
    const touches: [string, number][] = [];
    const nacks = new DelayedNacks(1000, 300, async (m, idleMs) => (touches.push([m.key, idleMs]), true), () => assert.fail());
    nacks.keep(message('a'), 60_000);
    nacks.keep(message('b'), 60_000);
    await nacks.releaseAll();
    assert.deepEqual(touches, [['a', 1000], ['b', 1000]]);
    assert.equal(nacks.size, 0);
  });
});
