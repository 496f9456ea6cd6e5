import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectionStatus } from '../../../lib/core/connection-status';
import { BrokerError } from '../../../lib/core/errors';
import { KafkaConnectionWatch } from '../../../lib/kafka/kafka-connection-watch';

/** A watch on a started server's status, recording its status changes and events. */
function watched(state: { closing: boolean } = { closing: false }) {
  const seen: string[] = [];
  const status = new ConnectionStatus({
    setStatus: (value) => seen.push(`status:${value}`),
    emit: (event, ...args) => seen.push(`${event}${args.length > 0 && typeof args[0] === 'number' ? `:${args[0]}` : ''}`),
    warn: () => undefined,
    reportError: () => undefined,
    isClosing: () => state.closing,
  });
  status.started();
  const watch = new KafkaConnectionWatch(status, 100, { isClosing: () => state.closing, ownsPartitions: () => true });
  return { watch, seen, state };
}

describe('KafkaConnectionWatch', () => {
  it('a crash reports disconnected once and reconnecting per crash; the next answer reports connected and clears the crashes', () => {
    const { watch, seen } = watched();
    watch.crashed(new BrokerError('coordinator gone'));
    watch.crashed(new BrokerError('coordinator gone'));
    assert.equal(watch.steady, false);
    watch.answered();
    assert.deepEqual(seen, ['status:disconnected', 'disconnected', 'status:reconnecting', 'reconnecting:1', 'status:reconnecting', 'reconnecting:2', 'status:connected', 'connected']);
    assert.equal(watch.steady, true);
    watch.answered();
    assert.equal(seen.length, 8, 'an answer without an outage reports nothing');
  });

  it('a join ends an outage like a fetch does', () => {
    const { watch, seen } = watched();
    watch.rebalancing();
    watch.crashed(new BrokerError('rebalance failed'));
    watch.joined();
    assert.deepEqual(seen.slice(-2), ['status:connected', 'connected']);
  });

  it('reports nothing while the server closes', () => {
    const { watch, seen, state } = watched();
    state.closing = true;
    watch.crashed(new BrokerError('gone'));
    watch.answered();
    assert.deepEqual(seen, []);
  });
});
