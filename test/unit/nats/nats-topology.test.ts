import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consumerConfig, perSubjectName, planConsumers, subjectCovers } from '../../../lib/nats/nats-topology';
import { resolveNatsSettings } from '../../../lib/nats/nats-settings';
import { featuresOf, parseServerVersion } from '../../../lib/nats/nats-version';

describe('NATS server versions', () => {
  it('parses versions, including pre-releases', () => {
    assert.deepEqual(parseServerVersion('2.9.10'), [2, 9, 10]);
    assert.deepEqual(parseServerVersion('2.11.0-RC.1'), [2, 11, 0]);
    assert.deepEqual(parseServerVersion(undefined), [0, 0, 0]);
  });

  it('2.9 has neither several filter subjects nor a term reason; 2.10 has the first; 2.11 both', () => {
    assert.deepEqual(featuresOf('2.9.10'), { multipleFilterSubjects: false, termReason: false });
    assert.deepEqual(featuresOf('2.10.4'), { multipleFilterSubjects: true, termReason: false });
    assert.deepEqual(featuresOf('2.11.0'), { multipleFilterSubjects: true, termReason: true });
    assert.deepEqual(featuresOf('3.0.0'), { multipleFilterSubjects: true, termReason: true });
  });
});

describe('consumer plans', () => {
  const v29 = featuresOf('2.9.10');
  const v210 = featuresOf('2.10.0');

  it('one subject: one consumer with the durable name as given', () => {
    assert.deepEqual(planConsumers('svc', ['orders.created'], v29), [{ name: 'svc', subjects: ['orders.created'] }]);
  });

  it('several subjects on 2.9: one consumer per subject, names stable and distinct', () => {
    const plans = planConsumers('svc', ['orders.created', 'orders_created', 'orders.*', 'audit.>'], v29);
    assert.equal(plans.length, 4);
    assert.equal(new Set(plans.map((p) => p.name)).size, 4, 'distinct even when the readable parts collide');
    assert.deepEqual(plans.map((p) => p.subjects), [['orders.created'], ['orders_created'], ['orders.*'], ['audit.>']]);
    assert.equal(plans[0].name, perSubjectName('svc', 'orders.created'));
    for (const plan of plans) assert.match(plan.name, /^svc-[A-Za-z0-9_-]+-[0-9a-f]{8}$/);
  });

  it('several subjects on 2.10+: one consumer with filter_subjects', () => {
    const [plan, ...rest] = planConsumers('svc', ['a', 'b'], v210);
    assert.deepEqual(rest, []);
    const config = consumerConfig(resolveNatsSettings({ stream: 'S' }, 1), plan);
    assert.deepEqual(config.filter_subjects, ['a', 'b']);
    assert.equal(config.filter_subject, undefined);
  });

  it('consumer configuration: explicit acks, unlimited max_deliver, ack_wait in nanoseconds; user extras cannot override them', () => {
    const settings = resolveNatsSettings({ stream: 'S', ackWaitMs: 2000, maxAckPending: 50, consumerConfig: { description: 'x', ack_wait: 1 } }, 1);
    const config = consumerConfig(settings, { name: 'c', subjects: ['a.b'] });
    assert.equal(config.ack_policy, 'explicit');
    assert.equal(config.max_deliver, -1);
    assert.equal(config.ack_wait, 2_000_000_000);
    assert.equal(config.max_ack_pending, 50);
    assert.equal(config.filter_subject, 'a.b');
    assert.equal(config.durable_name, 'c');
    assert.equal(config.description, 'x');
  });
});

describe('stream subjects covering a consumed subject', () => {
  it('matches literals and wildcards token by token', () => {
    assert.ok(subjectCovers('orders.created', 'orders.created'));
    assert.ok(subjectCovers('orders.*', 'orders.created'));
    assert.ok(subjectCovers('orders.>', 'orders.created.eu'));
    assert.ok(subjectCovers('>', 'a'));
    assert.ok(subjectCovers('orders.>', 'orders.*'));
    assert.ok(!subjectCovers('orders.*', 'orders.created.eu'));
    assert.ok(!subjectCovers('orders.>', 'orders'));
    assert.ok(!subjectCovers('orders.created', 'orders.*'));
    assert.ok(!subjectCovers('orders.*', 'orders.>'));
    assert.ok(!subjectCovers('a.b', 'a'));
  });
});
