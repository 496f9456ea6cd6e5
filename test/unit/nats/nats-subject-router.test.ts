import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SubjectRouter } from '../../../lib/nats/nats-subject-router';

describe('NATS subject routing (the subject picks the handler)', () => {
  const router = new SubjectRouter(['public.x', 'admin.x', 'orders.*', 'orders.>', 'orders.eu.*', '{cmd:sum}']);

  it('a body naming another handler than the subject is refused (null: pattern-mismatch)', () => {
    assert.equal(router.patternOf('public.x', 'public.x'), 'public.x');
    assert.equal(router.patternOf('public.x', 'admin.x'), null);
    assert.equal(router.patternOf('public.x', 'orders.created'), null);
    assert.equal(router.patternOf('public.x', '{cmd:sum}'), null, 'a subject with a handler of its own does not route by the body');
  });

  it('wildcard handlers: the literal handler first, then the most literal tokens, then * before >', () => {
    assert.equal(router.select('orders.created'), 'orders.*');
    assert.equal(router.select('orders.eu.created'), 'orders.eu.*');
    assert.equal(router.select('orders.us.created'), 'orders.>');
    assert.equal(new SubjectRouter(['a.>', 'a.*', 'a.b']).select('a.b'), 'a.b');
    assert.equal(new SubjectRouter(['a.>', 'a.*']).select('a.b'), 'a.*');
  });

  it('the body may name the subject or the wildcard handler it selects, nothing else', () => {
    assert.equal(router.patternOf('orders.created', 'orders.created'), 'orders.*');
    assert.equal(router.patternOf('orders.created', 'orders.*'), 'orders.*');
    assert.equal(router.patternOf('orders.created', 'orders.>'), null, 'another wildcard handler that also matches');
    assert.equal(router.patternOf('orders.created', 'orders.deleted'), null);
  });

  it('a subject no handler matches: the body may name the subject (no-handler) or a pattern that is no subject (object patterns)', () => {
    assert.equal(router.patternOf('rpc', 'rpc'), 'rpc');
    assert.equal(router.patternOf('rpc', '{"cmd":"sum"}'), '{"cmd":"sum"}');
    assert.equal(router.patternOf('rpc', 'admin.x'), null, 'but never a subject handler');
    assert.equal(router.patternOf('rpc', 'other'), null);
  });
});
