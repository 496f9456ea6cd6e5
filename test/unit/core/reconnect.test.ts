import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RECONNECT, reconnectDelay, reconnectLoop, resolveReconnect } from '../../../lib/core/reconnect';
import { redactUrl } from '../../../lib/core/redact-url';
import { resolveUrls } from '../../../lib/rabbitmq/rabbit-url';

describe('reconnect backoff', () => {
  it('grows exponentially from initialDelayMs up to maxDelayMs', () => {
    const options = resolveReconnect({ initialDelayMs: 100, maxDelayMs: 1000, multiplier: 2 });
    const middle = () => 0.5; // no jitter
    assert.deepEqual([1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelay(options, attempt, middle)), [100, 200, 400, 800, 1000, 1000]);
  });

  it('spreads by ±20 % and never passes maxDelayMs', () => {
    const options = resolveReconnect({ initialDelayMs: 100, maxDelayMs: 1000 });
    assert.equal(reconnectDelay(options, 1, () => 0), 80);
    assert.equal(reconnectDelay(options, 1, () => 1), 120);
    assert.equal(reconnectDelay(options, 20, () => 1), 1000);
  });

  it('defaults', () => {
    assert.deepEqual(resolveReconnect(undefined), DEFAULT_RECONNECT);
    assert.equal(resolveReconnect({ maxAttempts: undefined }).maxAttempts, Infinity);
  });
});

describe('RabbitMQ URLs', () => {
  it('one or several; redacted for logs', () => {
    assert.deepEqual(resolveUrls('amqp://a'), ['amqp://a']);
    assert.deepEqual(resolveUrls(['amqps://a', 'amqp://b']), ['amqps://a', 'amqp://b']);
    assert.throws(() => resolveUrls([]), /invalid urls \[\]; allowed: an amqp:\/\/ or amqps:\/\/ URL/);
    assert.throws(() => resolveUrls(['http://user:secret@x']), (error: Error) => error.name === 'InvalidOptionError' && !error.message.includes('secret'));
    assert.equal(redactUrl('amqp://user:secret@host:5672/vhost?heartbeat=5'), 'amqp://host:5672/vhost');
    assert.equal(redactUrl('not a url with secret'), '<unparseable url>');
  });
});

describe('reconnectLoop', () => {
  const fast = resolveReconnect({ initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 });

  it('tries until an attempt connects, reporting each attempt and failure', async () => {
    const attempts: number[] = [];
    const failures: unknown[] = [];
    let calls = 0;
    const loop = reconnectLoop(fast, {
      connect: async () => {
        if (++calls < 2) throw new Error('refused');
      },
      isClosed: () => false,
      onAttempt: (attempt) => attempts.push(attempt),
      onAttemptFailed: (error) => failures.push(error),
    });
    assert.equal(await loop.done, true);
    assert.deepEqual(attempts, [1, 2]);
    assert.equal(failures.length, 1);
  });

  it('gives up after maxAttempts, and stops at once when closed', async () => {
    const spent = reconnectLoop(fast, { connect: () => Promise.reject(new Error('down')), isClosed: () => false });
    assert.equal(await spent.done, false);
    let closed = false;
    const slow = reconnectLoop(resolveReconnect({ initialDelayMs: 60_000, maxDelayMs: 60_000 }), { connect: async () => undefined, isClosed: () => closed });
    closed = true;
    slow.wake();
    assert.equal(await slow.done, false, 'closed while waiting: no attempt made');
  });
});
