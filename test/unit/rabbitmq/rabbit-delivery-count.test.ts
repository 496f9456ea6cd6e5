import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveryCountOf, PRIOR_DELIVERIES_HEADER, type DeliveryCountTrust } from '../../../lib/rabbitmq';
import { brokerMajorOf } from '../../../lib/rabbitmq/rabbit-delivery-count';
import { messageKey, toStringHeaders } from '../../../lib/rabbitmq/rabbit-headers';

const quorum3: DeliveryCountTrust = { queueType: 'quorum', brokerMajor: 3, users: new Set(['app']) };
const quorum4: DeliveryCountTrust = { ...quorum3, brokerMajor: 4 };
const classic: DeliveryCountTrust = { queueType: 'classic', brokerMajor: 3, users: new Set(['app']) };

describe('RabbitMQ delivery count', () => {
  it('quorum queues (3.x): x-delivery-count plus one on a redelivery', () => {
    assert.equal(deliveryCountOf({ headers: {}, redelivered: false }, quorum3), 1);
    assert.equal(deliveryCountOf({ redelivered: false }, quorum3), 1);
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 1 }, redelivered: true }, quorum3), 2);
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 3 }, redelivered: true }, quorum3), 4);
  });

  it('quorum queues: a count header on a first delivery is the producer\'s, not the broker\'s: delivery 1', () => {
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 1000, 'x-acquired-count': 1000 }, redelivered: false }, quorum3), 1);
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 1000, 'x-acquired-count': 1000 }, redelivered: false }, quorum4), 1);
  });

  it('quorum queues: x-acquired-count only from 4.x brokers (3.x leaves a forged one in place)', () => {
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 1, 'x-acquired-count': 500 }, redelivered: true }, quorum3), 2);
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 0, 'x-acquired-count': 2 }, redelivered: true }, quorum4), 3);
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 900 }, redelivered: true }, quorum4), 2, '4.x: x-delivery-count counts failures only and may be the producer\'s');
  });

  it('classic queues: our header under the server\'s own user-id, plus one more when the copy itself came back', () => {
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: 2 }, redelivered: false, userId: 'app' }, classic), 3);
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: 2 }, redelivered: true, userId: 'app' }, classic), 4);
  });

  it('classic queues: the header without the server\'s user-id is a producer\'s and does not count', () => {
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: 1000 }, redelivered: false }, classic), 1);
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: 1000 }, redelivered: false, userId: 'producer' }, classic), 1);
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: 1000, 'x-delivery-count': 1000 }, redelivered: true, userId: 'producer' }, classic), 2);
  });

  it('without any count: the redelivered flag gives 1 or 2', () => {
    assert.equal(deliveryCountOf({ headers: {}, redelivered: true }, classic), 2);
    assert.equal(deliveryCountOf({ headers: {}, redelivered: true }, quorum3), 2);
  });

  it('ignores values that are not counts', () => {
    assert.equal(deliveryCountOf({ headers: { 'x-delivery-count': 'many' }, redelivered: true }, quorum3), 2);
    assert.equal(deliveryCountOf({ headers: { [PRIOR_DELIVERIES_HEADER]: -4 }, redelivered: false, userId: 'app' }, classic), 1);
  });

  it('reads the broker\'s major version', () => {
    assert.equal(brokerMajorOf('3.10.8'), 3);
    assert.equal(brokerMajorOf(Buffer.from('4.1.0')), 4);
    assert.equal(brokerMajorOf(undefined), 0);
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
