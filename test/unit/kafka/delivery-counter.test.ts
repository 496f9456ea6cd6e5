import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeliveryCounter } from '../../../lib/kafka/delivery-counter';

describe('DeliveryCounter', () => {
  it('counts deliveries per topic/partition/offset, from 1', () => {
    const counter = new DeliveryCounter();
    assert.equal(counter.next('t', 0, 5), 1);
    assert.equal(counter.next('t', 0, 5), 2);
    assert.equal(counter.next('t', 1, 5), 1, 'another partition');
    assert.equal(counter.next('u', 0, 5), 1, 'another topic');
  });

  it('forgets settled messages and given-up partitions (counts restart after a rebalance)', () => {
    const counter = new DeliveryCounter();
    counter.next('t', 0, 1);
    counter.next('t', 0, 1);
    counter.forget('t', 0, 1);
    assert.equal(counter.next('t', 0, 1), 1);
    counter.next('t', 0, 2);
    counter.next('t', 1, 2);
    counter.forgetPartition('t', 0);
    assert.equal(counter.size, 1);
    assert.equal(counter.next('t', 0, 2), 1);
  });
});
