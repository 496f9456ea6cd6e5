import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveryCountOf, PRIOR_DELIVERIES_HEADER } from '../../../lib/rabbitmq';
import { messageKey, toStringHeaders } from '../../../lib/rabbitmq/rabbit-headers';

describe('RabbitMQ delivery count', () => {
  it('quorum queues: x-delivery-count (earlier deliveries, absent at first) plus one', () => {
    assert.equal(deliveryCountOf({}, false), 1);
    assert.equal(deliveryCountOf(undefined, false), 1);
    assert.equal(deliveryCountOf({ 'x-delivery-count': 1 }, true), 2);
    assert.equal(deliveryCountOf({ 'x-delivery-count': 3 }, true), 4);
  });

  it('newer brokers: the larger of x-delivery-count and x-acquired-count', () => {
    assert.equal(deliveryCountOf({ 'x-delivery-count': 0, 'x-acquired-count': 2 }, true), 3);
  });

  it('classic queues: our header of earlier deliveries, plus one more when the copy itself came back', () => {
    assert.equal(deliveryCountOf({ [PRIOR_DELIVERIES_HEADER]: 2 }, false), 3);
    assert.equal(deliveryCountOf({ [PRIOR_DELIVERIES_HEADER]: 2 }, true), 4);
  });

  it('without any count: the redelivered flag gives 1 or 2', () => {
    assert.equal(deliveryCountOf({}, true), 2);
  });

  it('ignores values that are not counts', () => {
    assert.equal(deliveryCountOf({ 'x-delivery-count': 'many', [PRIOR_DELIVERIES_HEADER]: -4 }, false), 1);
  });
});

describe('RabbitMQ headers', () => {
  it('are strings for the handler, without the count headers', () => {
    assert.deepEqual(
      toStringHeaders({ a: 'x', b: Buffer.from('bytes'), n: 5, t: true, list: [1, 'two'], 'x-delivery-count': 3, [PRIOR_DELIVERIES_HEADER]: 1, none: null }),
      { a: 'x', b: 'bytes', n: '5', t: 'true', list: '[1,"two"]' },
    );
  });

  it('message key: the message id, else a hash that survives redelivery', () => {
    assert.equal(messageKey('m-1', Buffer.from('x'), {}), 'id:m-1');
    const a = messageKey(undefined, Buffer.from('x'), { h: '1', g: '2' });
    assert.equal(a, messageKey(undefined, Buffer.from('x'), { g: '2', h: '1' }));
    assert.notEqual(a, messageKey(undefined, Buffer.from('y'), { h: '1', g: '2' }));
  });
});
