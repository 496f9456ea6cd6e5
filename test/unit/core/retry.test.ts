import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, decideNack, resolveRetry } from '../../../lib/core';

describe('retry rules', () => {
  const retry = resolveRetry('retry', { maxDeliveries: 3, backoff: { type: 'exponential', initialDelayMs: 100, multiplier: 2, maxDelayMs: 350, jitter: 0 } });

  it('grows the delay exponentially and caps it at maxDelayMs', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => backoffDelay(retry.backoff, n)), [100, 200, 350, 350]);
  });

  it('keeps a fixed delay fixed', () => {
    const fixed = resolveRetry('retry', { backoff: { type: 'fixed', initialDelayMs: 70, jitter: 0 } });
    assert.deepEqual([1, 2, 5].map((n) => backoffDelay(fixed.backoff, n)), [70, 70, 70]);
  });

  it('spreads the delay by at most the jitter fraction', () => {
    const jittery = resolveRetry('retry', { backoff: { type: 'fixed', initialDelayMs: 1000, jitter: 0.2 } });
    assert.equal(backoffDelay(jittery.backoff, 1, () => 0), 800);
    assert.equal(backoffDelay(jittery.backoff, 1, () => 0.5), 1000);
    assert.equal(backoffDelay(jittery.backoff, 1, () => 0.999999), 1200);
  });

  it('turns a nack at maxDeliveries into a reject with reason max-deliveries', () => {
    assert.deepEqual(decideNack(retry, 2), { kind: 'nack', delayMs: 200 });
    assert.deepEqual(decideNack(retry, 3), { kind: 'reject', reason: 'max-deliveries' });
    assert.deepEqual(decideNack(retry, 3, 5), { kind: 'reject', reason: 'max-deliveries' }, 'an explicit delay does not extend the budget');
  });

  it('lets an explicit delay win over the backoff', () => {
    assert.deepEqual(decideNack(retry, 1, 5), { kind: 'nack', delayMs: 5 });
  });

  it('layers handler options over server options over defaults', () => {
    const layered = resolveRetry('retry', { maxDeliveries: 9, backoff: { initialDelayMs: 10 } }, { maxDeliveries: 2 });
    assert.equal(layered.maxDeliveries, 2);
    assert.equal(layered.backoff.initialDelayMs, 10);
    assert.equal(layered.backoff.type, 'exponential');
    assert.equal(layered.backoff.maxDelayMs, 60_000);
  });

  it('names the bad option and the allowed values', () => {
    assert.throws(() => resolveRetry('retry', { maxDeliveries: 0 }), /invalid retry\.maxDeliveries 0; allowed: a number >= 1/);
    assert.throws(() => resolveRetry('retry', { backoff: { type: 'linear' as never } }), /invalid retry\.backoff\.type "linear"; allowed: fixed, exponential/);
    assert.throws(() => resolveRetry('retry', { backoff: { jitter: 2 } }), /invalid retry\.backoff\.jitter 2/);
    assert.throws(() => resolveRetry('retry', { backoff: { initialDelayMs: -1 } }), /retry\.backoff\.initialDelayMs/);
  });
});
