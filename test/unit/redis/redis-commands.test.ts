import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplyError } from 'ioredis';
import { DeliveryGoneError } from '../../../lib/core';
import { BrokerError, ConnectionClosedError, DeadLetterRefusedError } from '../../../lib/core/errors';
import { RedisCommands } from '../../../lib/redis/redis-commands';
import type { RedisMessage } from '../../../lib/redis';
import type { ScriptedRedis } from '../../../lib/redis/redis-scripts';
import { resolveRedisSettings } from '../../../lib/redis/redis-settings';
import { fieldMap } from '../../../lib/redis/redis-wire';

/** A client that records script calls and answers `reply`. */
function fakeRedis(reply: unknown): { redis: ScriptedRedis; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const redis = new Proxy({}, { get: (_t, name: string) => async (...args: unknown[]) => (calls.push([name, args]), reply) }) as ScriptedRedis;
  return { redis, calls };
}

const message = (): RedisMessage => ({
  stream: 'orders',
  id: '5-0',
  group: 'g',
  fields: fieldMap([Buffer.from('body'), Buffer.from('{"pattern":"orders","data":1}'), Buffer.from('headers'), Buffer.from('{"h":"1"}')]),
  body: Buffer.from('{"pattern":"orders","data":1}'),
  headers: { h: '1' },
  deliveryCount: 2,
  source: { stream: 'orders', id: '5-0', group: 'g' },
  key: 'orders/5-0',
});

const record = { body: Buffer.from('x'), headers: { h: '1' }, source: { stream: 'orders', id: '5-0', group: 'g' }, reason: 'handler-error', errorName: 'Error', errorMessage: 'boom', deliveryCount: 2, firstFailureAt: new Date(0), lastFailureAt: new Date(1000) };

describe('Redis commands', () => {
  const settings = resolveRedisSettings({ group: 'g', consumer: 'me', minIdleMs: 3000, trimMaxLen: 1000, deleteOnAck: true });

  it('ack: one script with delete and trim', async () => {
    const { redis, calls } = fakeRedis(1);
    await new RedisCommands(() => redis, settings, assert.fail).ack(message());
    assert.deepEqual(calls, [['nestjsAckAck', ['orders', 'g', '5-0', 1, 1000]]]);
  });

  it('nack below minIdleMs: the idle time that makes it due when the delay ends', async () => {
    const { redis, calls } = fakeRedis(1);
    await new RedisCommands(() => redis, settings, assert.fail).nack(message(), 500);
    assert.deepEqual(calls, [['nestjsAckTouch', ['orders', 'g', 'me', '5-0', 2500]]]);
  });

  it('nack at or beyond minIdleMs: one hold script records the due time next to the stream (rounded up to whole ms)', async () => {
    const { redis, calls } = fakeRedis(600_000);
    const commands = new RedisCommands(() => redis, settings, assert.fail);
    await commands.nack(message(), 599_999.2);
    assert.deepEqual(calls, [['nestjsAckHold', ['orders', 'orders:nack-delays:g', 'g', 'me', '5-0', 3000, 600_000, 1]]]);
    assert.equal(commands.delayedNacks.size, 1);
    commands.delayedNacks.dropAll();
  });

  it('reject: the dead-letter stream gets the original fields, then the x-dead-letter-* fields', async () => {
    const { redis, calls } = fakeRedis(1);
    await new RedisCommands(() => redis, settings, assert.fail).reject(message(), record);
    const [name, args] = calls[0];
    assert.equal(name, 'nestjsAckReject');
    assert.deepEqual(args.slice(0, 5), ['orders', 'orders:dlq', 'g', '5-0', 1]);
    const pairs = args.slice(5).map(String);
    assert.deepEqual(pairs.slice(0, 4), ['body', '{"pattern":"orders","data":1}', 'headers', '{"h":"1"}']);
    const fields = Object.fromEntries(pairs.slice(4).flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]]] : [])));
    assert.equal(fields['x-dead-letter-reason'], 'handler-error');
    assert.equal(fields['x-dead-letter-delivery-count'], '2');
    assert.equal(fields['x-dead-letter-error-message'], 'boom');
    assert.equal(fields.h, undefined, 'the original headers stay in their headers field');
  });

  it('an entry no longer pending with us is DeliveryGoneError', async () => {
    const { redis } = fakeRedis(0);
    const commands = new RedisCommands(() => redis, settings, assert.fail);
    await assert.rejects(commands.ack(message()), DeliveryGoneError);
    await assert.rejects(commands.nack(message(), 0), DeliveryGoneError);
    const { redis: goneHold } = fakeRedis(-1);
    await assert.rejects(new RedisCommands(() => goneHold, settings, assert.fail).nack(message(), 10_000), DeliveryGoneError);
    await assert.rejects(commands.reject(message(), record), DeliveryGoneError);
    await assert.rejects(commands.extendLease(message()), DeliveryGoneError);
    await assert.rejects(commands.ack(message()), { code: 'ACK_DELIVERY_GONE' });
  });

  it('a refused dead-letter XADD is DeadLetterRefusedError (the source stays pending); other failures are AckErrors too', async () => {
    const refusing = new Proxy({}, { get: () => async () => Promise.reject(new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value')) }) as ScriptedRedis;
    const commands = new RedisCommands(() => refusing, settings, assert.fail);
    await assert.rejects(commands.reject(message(), record), (error: DeadLetterRefusedError) => {
      assert.ok(error instanceof DeadLetterRefusedError);
      assert.equal(error.code, 'ACK_DEAD_LETTER_REFUSED');
      assert.equal(error.message, 'nestjs-ack: stream "orders:dlq" refused the dead letter: WRONGTYPE Operation against a key holding the wrong kind of value');
      return true;
    });
    await assert.rejects(commands.ack(message()), (error: BrokerError) => error instanceof BrokerError && error.code === 'ACK_BROKER_ERROR' && /WRONGTYPE/.test(error.message));
    const closing = new Proxy({}, { get: () => async () => Promise.reject(new Error('Connection is closed.')) }) as ScriptedRedis;
    await assert.rejects(new RedisCommands(() => closing, settings, assert.fail).ack(message()), { code: 'ACK_CONNECTION_CLOSED' });
    const closed = () => {
      throw new ConnectionClosedError('the Redis connection is closed');
    };
    await assert.rejects(new RedisCommands(closed, settings, assert.fail).extendLease(message()), ConnectionClosedError);
  });
});
