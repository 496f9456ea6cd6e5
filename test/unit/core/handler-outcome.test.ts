import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AckMessage, NackMessage, RejectMessage } from '../../../lib/core';
import { runInDeliveryScope, type DeliveryScope } from '../../../lib/core/delivery-scope';
import { findControlException, originalError, settlementOnFailure, settlementOnSuccess } from '../../../lib/core/handler-outcome';

describe('handler outcome', () => {
  it('acks on success under ACK and *_ON_ERROR, does nothing under ACK_FIRST and MANUAL', () => {
    assert.deepEqual(settlementOnSuccess('ACK'), { kind: 'ack' });
    assert.deepEqual(settlementOnSuccess('REJECT_ON_ERROR'), { kind: 'ack' });
    assert.deepEqual(settlementOnSuccess('NACK_ON_ERROR'), { kind: 'ack' });
    assert.equal(settlementOnSuccess('ACK_FIRST'), undefined);
    assert.equal(settlementOnSuccess('MANUAL'), undefined);
  });

  it('maps a failure per policy', () => {
    const error = new Error('x');
    assert.deepEqual(settlementOnFailure('ACK', error), { kind: 'ack' });
    assert.deepEqual(settlementOnFailure('REJECT_ON_ERROR', error), { kind: 'reject', reason: 'handler-error', error });
    assert.deepEqual(settlementOnFailure('NACK_ON_ERROR', error), { kind: 'nack', error });
    assert.equal(settlementOnFailure('ACK_FIRST', error), undefined);
    assert.equal(settlementOnFailure('MANUAL', error), undefined);
  });

  it('finds a control exception created in the scope after a filter erased its class', () => {
    const scope: DeliveryScope = {};
    const created = runInDeliveryScope(scope, () => new NackMessage({ delayMs: 7 }));
    const erased = { status: 'error', message: 'Internal server error' };
    assert.equal(findControlException(erased, scope), created);
    assert.deepEqual(created.toSettlement(), { kind: 'nack', delayMs: 7, error: created });
  });

  it('does not mistake a real error for an earlier, caught control exception', () => {
    const scope: DeliveryScope = {};
    runInDeliveryScope(scope, () => new AckMessage());
    assert.equal(findControlException(new TypeError('real'), scope), undefined);
  });

  it('trusts the interceptor\'s original error over a control exception the handler caught earlier', () => {
    const scope: DeliveryScope = {};
    runInDeliveryScope(scope, () => new NackMessage());
    scope.lastError = new TypeError('thrown after catching the nack');
    assert.equal(findControlException({ status: 'error', message: 'Internal server error' }, scope), undefined);
  });

  it('recognises a thrown control exception directly, and outside any scope', () => {
    const reject = new RejectMessage({ reason: 'bad' });
    assert.equal(findControlException(reject, {}), reject);
    assert.deepEqual(reject.toSettlement(), { kind: 'reject', reason: 'bad', error: reject });
  });

  it('prefers the original error recorded before a filter replaced it', () => {
    const original = new RangeError('the real cause');
    assert.equal(originalError({ status: 'error', message: 'Internal server error' }, { lastError: original }), original);
    const thrown = new Error('kept');
    assert.equal(originalError(thrown, { lastError: original }), thrown);
  });
});
