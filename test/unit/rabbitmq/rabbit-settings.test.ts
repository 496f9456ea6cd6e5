import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import { resolveRabbitSettings } from '../../../lib/rabbitmq/rabbit-settings';
import { queueArgumentsOf } from '../../../lib/rabbitmq/rabbit-topology';

describe('RabbitAckServer options', () => {
  it('fills in the defaults: quorum queue, dead letters to <queue>.dlq through <queue>.dlx, prefetch twice concurrency (at least 20)', () => {
    const settings = resolveRabbitSettings({ queue: 'orders' }, 10);
    assert.deepEqual(settings.urls, ['amqp://guest:guest@127.0.0.1:5672']);
    assert.equal(settings.queueType, 'quorum');
    assert.equal(settings.noAssert, false);
    assert.equal(settings.prefetch, 20);
    assert.deepEqual(settings.deadLetter, { exchange: 'orders.dlx', queue: 'orders.dlq', routingKey: 'orders' });
    assert.equal(settings.exchange, undefined);
    assert.equal(resolveRabbitSettings({ queue: 'orders' }, 30).prefetch, 60);
  });

  it('declares the queue with its type and dead-letter exchange, user arguments last', () => {
    const settings = resolveRabbitSettings({ queue: 'orders', queueArguments: { 'x-delivery-limit': 50 } }, 10);
    assert.deepEqual(queueArgumentsOf(settings), {
      'x-queue-type': 'quorum',
      'x-dead-letter-exchange': 'orders.dlx',
      'x-dead-letter-routing-key': 'orders',
      'x-delivery-limit': 50,
    });
    assert.deepEqual(queueArgumentsOf(resolveRabbitSettings({ queue: 'orders', queueType: 'classic', deadLetter: false }, 10)), { 'x-queue-type': 'classic' });
  });

  it('binds to an exchange with routing keys that depend on its type', () => {
    assert.deepEqual(resolveRabbitSettings({ queue: 'q', exchange: 'events' }, 1).exchange, { name: 'events', type: 'topic', routingKeys: ['#'] });
    assert.deepEqual(resolveRabbitSettings({ queue: 'q', exchange: 'events', exchangeType: 'direct' }, 1).exchange?.routingKeys, ['q']);
    assert.deepEqual(resolveRabbitSettings({ queue: 'q', exchange: 'events', exchangeType: 'fanout' }, 1).exchange?.routingKeys, ['']);
    assert.deepEqual(resolveRabbitSettings({ queue: 'q', exchange: 'events', routingKeys: ['orders.*'] }, 1).exchange?.routingKeys, ['orders.*']);
  });

  it('custom dead-letter names', () => {
    assert.deepEqual(resolveRabbitSettings({ queue: 'q', deadLetter: { queue: 'all.dead', exchange: 'dead' } }, 1).deadLetter, { exchange: 'dead', queue: 'all.dead', routingKey: 'q' });
  });

  // The error's code: an option of its own is ACK_INVALID_OPTION, two that clash ACK_CONFLICTING_OPTIONS.
  const invalid: Array<[string, object, RegExp, string?]> = [
    ['no queue', {}, /option queue/],
    ['empty queue', { queue: ' ' }, /option queue/],
    ['queueType', { queue: 'q', queueType: 'stream' }, /invalid queueType "stream"; allowed: quorum, classic/],
    ['prefetch below concurrency', { queue: 'q', concurrency: 10, prefetch: 5 }, /invalid prefetch 5; allowed: an integer from concurrency \(10\)/],
    ['prefetch not an integer', { queue: 'q', prefetch: 2.5 }, /invalid prefetch/],
    ['exchangeType', { queue: 'q', exchange: 'x', exchangeType: 'x-delayed' }, /invalid exchangeType "x-delayed"; allowed: direct, topic, fanout, headers/],
    ['routingKeys without exchange', { queue: 'q', routingKeys: ['a'] }, /routingKeys needs the option exchange/],
    ['deadLetter', { queue: 'q', deadLetter: true }, /invalid deadLetter true; allowed: false or/],
    ['deadLetter.queue same as queue', { queue: 'q', deadLetter: { queue: 'q' } }, /deadLetter.queue: it must differ/, 'ACK_CONFLICTING_OPTIONS'],
    ['noAssert', { queue: 'q', noAssert: 'yes' }, /invalid noAssert "yes"; allowed: true or false/],
    ['urls', { queue: 'q', urls: 'http://guest:secret@host' }, /invalid urls entry "http:\/\/host\/"; allowed: an amqp/],
    ['reconnect', { queue: 'q', reconnect: { multiplier: 0.5 } }, /invalid reconnect.multiplier 0.5; allowed: a number >= 1/],
    ['a core option', { queue: 'q', defaultPolicy: 'NEVER' }, /invalid defaultPolicy "NEVER"/],
  ];
  for (const [what, options, message, code = 'ACK_INVALID_OPTION'] of invalid) {
    it(`fails at construction on a bad option: ${what}`, () => {
      assert.throws(() => new RabbitAckServer(options as never), message);
      assert.throws(() => new RabbitAckServer(options as never), { code });
    });
  }

  it('never puts credentials in an error', () => {
    assert.throws(() => new RabbitAckServer({ queue: 'q', urls: 'http://user:s3cret@host:5672' }), (error: Error) => !error.message.includes('s3cret'));
  });

  it('the client needs a destination', () => {
    assert.throws(() => new RabbitAckClient({}), { name: 'InvalidOptionError', code: 'ACK_INVALID_OPTION', message: /option queue \(or exchange\)/ });
    assert.throws(() => new RabbitAckClient({ queue: 'q', publishTimeoutMs: 0 }), { code: 'ACK_INVALID_OPTION', message: /invalid publishTimeoutMs 0/ });
  });
});
