import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveServerSettings } from '../../../lib/core/ack-server-settings';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

describe('server options', () => {
  it('applies the documented defaults', () => {
    const settings = resolveServerSettings({});
    assert.equal(settings.defaultPolicy, 'REJECT_ON_ERROR');
    assert.equal(settings.concurrency, 10);
    assert.equal(settings.shutdownTimeoutMs, 10_000);
    assert.equal(settings.retry.maxDeliveries, 5);
    assert.deepEqual(settings.retry.backoff, { type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 });
  });

  it('fails at construction naming the bad option and the allowed values', () => {
    const broker = new InMemoryBroker();
    assert.throws(() => new InMemoryAckServer({ broker, defaultPolicy: 'ACK_LATER' as never }), /invalid defaultPolicy "ACK_LATER"; allowed: ACK_FIRST, ACK, REJECT_ON_ERROR, NACK_ON_ERROR, MANUAL/);
    assert.throws(() => new InMemoryAckServer({ broker, concurrency: 0 }), /invalid concurrency 0; allowed: an integer >= 1/);
    assert.throws(() => new InMemoryAckServer({ broker, shutdownTimeoutMs: -5 }), /invalid shutdownTimeoutMs -5/);
    assert.throws(() => new InMemoryAckServer({} as never), /invalid broker undefined; allowed: an InMemoryBroker/);
  });
});
