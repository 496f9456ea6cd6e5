import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConcurrencyLimiter } from '../../../lib/core/concurrency-limiter';

describe('ConcurrencyLimiter', () => {
  it('gives free slots at once, then queues callers first come first served', async () => {
    const limiter = new ConcurrencyLimiter(2);
    assert.equal(limiter.tryAcquire(), true);
    await limiter.acquire();
    assert.equal(limiter.tryAcquire(), false, 'both slots taken');
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => limiter.acquire().then(() => order.push(n)));
    limiter.release();
    await waiting[0];
    assert.deepEqual(order, [1]);
    limiter.release();
    limiter.release();
    await Promise.all(waiting);
    assert.deepEqual(order, [1, 2, 3]);
    // Three slots handed on, two released after them: one slot free again.
    limiter.release();
    limiter.release();
    assert.equal(limiter.tryAcquire(), true);
    assert.equal(limiter.tryAcquire(), true);
    assert.equal(limiter.tryAcquire(), false);
  });

  it('keeps the order over a long queue, never more than the limit running', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const runs = Array.from({ length: 5000 }, async (_, n) => {
      await limiter.acquire();
      running++;
      peak = Math.max(peak, running);
      order.push(n);
      await Promise.resolve();
      running--;
      limiter.release();
    });
    await Promise.all(runs);
    assert.equal(peak, 3);
    assert.deepEqual(order, Array.from({ length: 5000 }, (_, n) => n));
    for (let i = 0; i < 3; i++) assert.equal(limiter.tryAcquire(), true);
    assert.equal(limiter.tryAcquire(), false);
  });
});
