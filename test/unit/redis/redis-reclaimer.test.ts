import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { Reclaimer } from '../../../lib/redis/redis-reclaimer';
import type { ScriptedRedis } from '../../../lib/redis/redis-scripts';
import type { RedisServerSettings } from '../../../lib/redis/redis-settings';
import { DeliverySlots } from '../../../lib/core/delivery-slots';

const settings = { group: 'g', consumer: 'me', minIdleMs: 1000, claimIntervalMs: 10 } as RedisServerSettings;

/** A fake of the two scripts the reclaimer calls: one XAUTOCLAIM answer, then nothing. */
function fakeRedis(answer: [string, number][]) {
  const touches: unknown[][] = [];
  const reclaims: unknown[][] = [];
  let answered = false;
  const redis = {
    status: 'ready',
    nestjsAckReclaimBuffer: async (...args: unknown[]) => {
      reclaims.push(args);
      if (answered) return [Buffer.from('0-0'), [], []];
      answered = true;
      return [Buffer.from('0-0'), answer.map(([id]) => [Buffer.from(id), [Buffer.from('body'), Buffer.from('{}')]]), answer.map(([, count]) => count)];
    },
    nestjsAckTouch: async (...args: unknown[]) => {
      touches.push(args);
      return 1;
    },
  };
  return { redis: redis as unknown as ScriptedRedis, touches, reclaims };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('Reclaimer', () => {
  afterEach(() => mock.timers.reset());

  it('delivers a reclaimed entry, but gives an entry this process still holds back its idle time and its count', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const held = new DeliverySlots(10);
    const delivered: string[] = [];
    const { redis, touches } = fakeRedis([['1-0', 2], ['2-0', 3]]);
    const reclaimer = new Reclaimer(() => redis, ['s'], settings, held, (message) => delivered.push(message.id), () => undefined);
    held.take('s/2-0');
    reclaimer.start();
    mock.timers.tick(10);
    await flush();
    reclaimer.stop();
    assert.deepEqual(delivered, ['1-0'], 'the held entry is not delivered twice');
    assert.deepEqual(touches, [['s', 'g', 'me', '2-0', 1000, 2]], 'claimable again at once, with the delivery XAUTOCLAIM counted given back');
  });

  it('scans at least 100 idle entries per step (long-delayed nacks go back undelivered) but delivers no more than the free slots', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    const held = new DeliverySlots(10);
    held.take('s/9-0');
    const { redis, reclaims } = fakeRedis([]);
    const reclaimer = new Reclaimer(() => redis, ['s'], settings, held, () => undefined, () => undefined);
    reclaimer.start();
    mock.timers.tick(10);
    await flush();
    reclaimer.stop();
    assert.deepEqual(reclaims[0], ['s', 's:nack-delays:g', 'g', 'me', 1000, '0-0', 100, 9]);
  });
});
