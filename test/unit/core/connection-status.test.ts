import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectionStatus } from '../../../lib/core/connection-status';

function recorder() {
  const seen: string[] = [];
  let closing = false;
  const status = new ConnectionStatus({
    setStatus: (s) => seen.push(`status:${s}`),
    emit: (event, ...args) => seen.push(`event:${event}${args[0] === undefined ? '' : `:${args[0] instanceof Error ? args[0].message : String(args[0])}`}`),
    warn: (text) => seen.push(`warn:${text}`),
    reportError: (error, what) => seen.push(`error:${what}:${error.message}`),
    isClosing: () => closing,
  });
  return { status, seen, close: () => (closing = true) };
}

describe('ConnectionStatus', () => {
  it('reports nothing before the first connect but the connect itself', () => {
    const { status, seen } = recorder();
    status.down(new Error('x'));
    status.retrying(1);
    status.gaveUp(new Error('y'), 'Broker');
    assert.deepEqual(seen, []);
    status.up();
    assert.deepEqual(seen, ['status:connected', 'event:connected']);
  });

  it('one disconnected per outage, one reconnecting per attempt, one connected when back', () => {
    const { status, seen } = recorder();
    status.started();
    status.up(); // already up: nothing
    status.down(new Error('lost'), 'connection lost');
    status.down(new Error('lost again')); // same outage
    status.retrying(1);
    status.down(); // a failed attempt's close: same outage
    status.retrying(2);
    status.up();
    status.up();
    assert.deepEqual(seen, [
      'warn:connection lost', 'status:disconnected', 'event:disconnected:lost',
      'status:reconnecting', 'event:reconnecting:1',
      'status:reconnecting', 'event:reconnecting:2',
      'status:connected', 'event:connected',
    ]);
    assert.equal(status.current, 'up');
  });

  it('gives up once, and reports nothing more until connected again', () => {
    const { status, seen } = recorder();
    status.started();
    status.down();
    status.gaveUp(new Error('no more attempts'), 'Broker');
    status.gaveUp(new Error('again'), 'Broker');
    status.retrying(3);
    assert.deepEqual(seen, ['status:disconnected', 'event:disconnected', 'status:disconnected', 'error:Broker:no more attempts']);
    assert.equal(status.current, 'gave-up');
  });

  it('reports nothing while the server closes', () => {
    const { status, seen, close } = recorder();
    status.started();
    close();
    status.down(new Error('our own disconnect'));
    status.gaveUp(new Error('ended'), 'Broker');
    assert.deepEqual(seen, []);
  });
});
