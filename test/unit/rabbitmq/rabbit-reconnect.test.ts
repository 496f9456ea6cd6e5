import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RECONNECT, reconnectDelay, resolveReconnect } from '../../../lib/rabbitmq/rabbit-reconnect';
import { redactUrl, resolveUrls } from '../../../lib/rabbitmq/rabbit-url';

describe('RabbitMQ reconnect backoff', () => {
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
    assert.throws(() => resolveUrls([]), /invalid urls: empty/);
    assert.equal(redactUrl('amqp://user:secret@host:5672/vhost?heartbeat=5'), 'amqp://host:5672/vhost');
  });
});
