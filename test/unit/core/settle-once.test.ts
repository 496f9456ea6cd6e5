import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettleOnce } from '../../../lib/core';

describe('SettleOnce', () => {
  it('lets the first decision win and refuses every later one', () => {
    const state = new SettleOnce();
    assert.equal(state.isSettled, false);
    assert.equal(state.claim({ kind: 'nack', delayMs: 5 }), true);
    assert.equal(state.claim({ kind: 'ack' }), false);
    assert.equal(state.claim({ kind: 'reject', reason: 'x' }), false);
    assert.deepEqual(state.settlement, { kind: 'nack', delayMs: 5 });
  });

  it('reports the fallback when a claimed reject could only be carried out as a nack, and stays claimed', () => {
    const state = new SettleOnce();
    state.claim({ kind: 'reject', reason: 'handler-error' });
    state.fellBackTo({ kind: 'nack', delayMs: 100 });
    assert.deepEqual(state.settlement, { kind: 'nack', delayMs: 100 });
    assert.equal(state.claim({ kind: 'ack' }), false, 'no second decision after a fallback');
  });

  it('closes an abandoned delivery without a settlement', () => {
    const state = new SettleOnce();
    state.abandon();
    assert.equal(state.isSettled, true);
    assert.equal(state.settlement, undefined);
    assert.equal(state.claim({ kind: 'ack' }), false, 'an abandoned delivery is never acked');
  });

  it('keeps an earlier decision when abandoned afterwards', () => {
    const state = new SettleOnce();
    state.claim({ kind: 'ack' });
    state.abandon();
    assert.deepEqual(state.settlement, { kind: 'ack' });
  });
});
