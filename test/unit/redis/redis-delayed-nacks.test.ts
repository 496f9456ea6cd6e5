import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import type { RedisMessage } from '../../../lib/redis';
import { RedisDelayedNacks, nackDelaysKey } from '../../../lib/redis/redis-delayed-nacks';

const message = (key: string): RedisMessage => ({ key } as RedisMessage);
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A fake `nestjsAckHold` on a clock of its own: records the due time, answers the ms left (-1 when `ours` is false). */
function fakeHold(ours = () => true) {
  const due = new Map<string, number>();
  const calls: { key: string; delayMs: number; record: boolean }[] = [];
  const hold = async (m: RedisMessage, delayMs: number, record: boolean) => {
    calls.push({ key: m.key, delayMs, record });
    if (!ours()) return -1;
    if (record) due.set(m.key, Date.now() + delayMs);
    return Math.max(0, (due.get(m.key) ?? Date.now() + delayMs) - Date.now());
  };
  return { hold, calls, due };
}

describe('Redis delayed nacks', () => {
  it('the due times live in one sorted set per stream and group, next to the stream (same Cluster hash tag)', () => {
    assert.equal(nackDelaysKey('{orders}.created', 'billing'), '{orders}.created:nack-delays:billing');
  });

  it('a long delay is recorded in Redis, then renewed from it until less than minIdle is left', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const { hold, calls } = fakeHold();
      const nacks = new RedisDelayedNacks(1000, 300, 10, hold, async () => assert.fail('no touch'), () => assert.fail());
      assert.equal(await nacks.nack(message('a'), 2500), true);
      assert.equal(nacks.size, 1);
      for (let t = 0; t < 8; t++) {
        mock.timers.tick(300);
        await flush();
      }
      // Recorded once; renewed at 300..1800 ms; at 1800 ms 700 ms are left (< minIdle): the script made it due on time, done.
      assert.deepEqual(calls.map((c) => c.record), [true, false, false, false, false, false, false]);
      assert.equal(calls[0].delayMs, 2500);
      assert.equal(nacks.size, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('holds at most maxHeld waits in memory; the others are only recorded in Redis (never renewed here)', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const { hold, calls, due } = fakeHold();
      const nacks = new RedisDelayedNacks(1000, 300, 3, hold, async () => assert.fail('no touch'), () => assert.fail());
      for (let i = 0; i < 10; i++) assert.equal(await nacks.nack(message(`m${i}`), 600_000), true);
      assert.equal(nacks.size, 3, 'process memory: maxHeld entries');
      assert.equal(due.size, 10, 'every due time recorded');
      calls.length = 0;
      mock.timers.tick(300);
      await flush();
      assert.deepEqual(calls.map((c) => c.key).sort(), ['m0', 'm1', 'm2'], 'only the held ones are renewed');
    } finally {
      mock.timers.reset();
    }
  });

  it('maxHeld 0: Redis holds every wait', async () => {
    const { hold, due } = fakeHold();
    const nacks = new RedisDelayedNacks(1000, 300, 0, hold, async () => assert.fail('no touch'), () => assert.fail());
    assert.equal(await nacks.nack(message('a'), 5000), true);
    assert.equal(nacks.size, 0);
    assert.equal(due.size, 1);
  });

  it('an entry no longer ours: the nack says so, and a renewal stops', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      let ours = false;
      const nacks = new RedisDelayedNacks(1000, 300, 10, fakeHold(() => ours).hold, async () => assert.fail('no touch'), () => assert.fail());
      assert.equal(await nacks.nack(message('a'), 10_000), false);
      assert.equal(nacks.size, 0);
      ours = true;
      assert.equal(await nacks.nack(message('b'), 10_000), true);
      ours = false;
      mock.timers.tick(300);
      await flush();
      assert.equal(nacks.size, 0);
    } finally {
      mock.timers.reset();
    }
  });

  it('releaseAll makes every held entry claimable at once (idle = minIdleMs); its due time stays in Redis', async () => {
    const touches: [string, number][] = [];
    const nacks = new RedisDelayedNacks(1000, 300, 10, fakeHold().hold, async (m, idleMs) => (touches.push([m.key, idleMs]), true), () => assert.fail());
    await nacks.nack(message('a'), 60_000);
    await nacks.nack(message('b'), 60_000);
    await nacks.releaseAll();
    assert.deepEqual(touches, [['a', 1000], ['b', 1000]]);
    assert.equal(nacks.size, 0);
  });
});
