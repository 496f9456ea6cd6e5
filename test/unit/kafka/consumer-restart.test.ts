import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { START_RESTART_WINDOW_MS, shouldRestartConsumer } from '../../../lib/kafka/consumer-restart';

describe('shouldRestartConsumer', () => {
  const startedAt = 1_000_000;

  it('restarts a retriable crash before the first join within the start window', () => {
    assert.equal(shouldRestartConsumer({ joinedOnce: false, closing: false, startedAt, now: startedAt + 2_000 }), true);
  });

  it('fails the start once the window is over', () => {
    assert.equal(shouldRestartConsumer({ joinedOnce: false, closing: false, startedAt, now: startedAt + START_RESTART_WINDOW_MS }), false);
  });

  it('always restarts after the first join', () => {
    assert.equal(shouldRestartConsumer({ joinedOnce: true, closing: false, startedAt, now: startedAt + 10 * START_RESTART_WINDOW_MS }), true);
  });

  it('never restarts while closing', () => {
    assert.equal(shouldRestartConsumer({ joinedOnce: true, closing: true, startedAt, now: startedAt }), false);
    assert.equal(shouldRestartConsumer({ joinedOnce: false, closing: true, startedAt, now: startedAt }), false);
  });
});
