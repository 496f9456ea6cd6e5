import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BrokerConfigurationError, BrokerUnavailableError, ClosedDuringStartError } from '../../../lib/core/errors';
import { resolveReconnect } from '../../../lib/core/reconnect';
import { isUnreachable, startAttempts, type StartAttemptOptions } from '../../../lib/core/start-attempts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });

function options(overrides: Partial<StartAttemptOptions> = {}): StartAttemptOptions & { warnings: string[]; cleanUps: number } {
  const state = { warnings: [] as string[], cleanUps: 0 };
  return Object.assign(state, {
    broker: 'Test',
    address: 'test://127.0.0.1:1',
    timeoutMs: 500,
    backoff: resolveReconnect({ initialDelayMs: 20, maxDelayMs: 50 }),
    signal: new AbortController().signal,
    warn: (text: string) => state.warnings.push(text),
    cleanUp: async () => void state.cleanUps++,
    cancelAttempt: () => undefined,
    abandon: () => undefined,
    ...overrides,
  });
}

describe('start attempts', () => {
  it('retries an unreachable broker with a warning each time, then succeeds', async () => {
    let calls = 0;
    const o = options();
    await startAttempts(async () => {
      if (++calls < 3) throw refused();
    }, o);
    assert.equal(calls, 3);
    assert.equal(o.warnings.length, 2);
    assert.match(o.warnings[0], /could not reach Test at test:\/\/127\.0\.0\.1:1 \(attempt 1\): connect ECONNREFUSED/);
    assert.equal(o.cleanUps, 2, 'each failed attempt cleaned up before the next');
  });

  it('gives up after timeoutMs with BrokerUnavailableError naming broker, address, attempts and cause', async () => {
    const started = Date.now();
    const o = options({ timeoutMs: 300 });
    const error = await startAttempts(async () => Promise.reject(refused()), o).then(() => assert.fail('resolved'), (e: unknown) => e);
    assert.ok(error instanceof BrokerUnavailableError);
    assert.equal(error.code, 'ACK_BROKER_UNAVAILABLE');
    assert.equal(error.broker, 'Test');
    assert.equal(error.address, 'test://127.0.0.1:1');
    assert.ok(error.attempts >= 2, `attempts ${error.attempts}`);
    assert.equal((error.cause as Error).message, 'connect ECONNREFUSED 127.0.0.1:1');
    assert.ok(Date.now() - started < 500, `gave up in ${Date.now() - started} ms`);
    assert.equal(o.warnings.length, error.attempts);
  });

  it('gives up on an attempt that hangs past the deadline, and closes what it opens later', async () => {
    let finish!: () => void;
    let abandoned = false;
    let cancelled = false;
    const o = options({ timeoutMs: 100, abandon: () => void (abandoned = true), cancelAttempt: () => void (cancelled = true) });
    const error = await startAttempts(() => new Promise<void>((resolve) => (finish = resolve)), o).catch((e: unknown) => e);
    assert.ok(error instanceof BrokerUnavailableError);
    assert.equal(error.attempts, 1);
    assert.equal(cancelled, true, 'the hanging attempt was told to stop');
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(abandoned, true);
  });

  it('startTimeoutMs Infinity waits for the broker', async () => {
    let calls = 0;
    const o = options({ timeoutMs: Infinity, backoff: resolveReconnect({ initialDelayMs: 1, maxDelayMs: 1 }) });
    await startAttempts(async () => {
      if (++calls < 5) throw refused();
    }, o);
    assert.equal(calls, 5);
  });

  it('a refusal or any other error fails at once, without retry', async () => {
    for (const thrown of [new BrokerConfigurationError('Test', 'queue exists with other arguments'), new Error('a bug')]) {
      let calls = 0;
      const o = options();
      await assert.rejects(startAttempts(async () => {
        calls++;
        throw thrown;
      }, o), (e) => e === thrown);
      assert.equal(calls, 1);
      assert.equal(o.warnings.length, 0);
    }
  });

  it('respects backoff.maxAttempts', async () => {
    let calls = 0;
    const o = options({ timeoutMs: 10_000, backoff: resolveReconnect({ initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 }) });
    const error = await startAttempts(async () => {
      calls++;
      throw refused();
    }, o).catch((e: unknown) => e);
    assert.ok(error instanceof BrokerUnavailableError);
    assert.equal(calls, 3);
    assert.equal(error.attempts, 3);
  });

  it('a close during the wait ends it with ClosedDuringStartError', async () => {
    const controller = new AbortController();
    const o = options({ timeoutMs: 10_000, backoff: resolveReconnect({ initialDelayMs: 5_000, maxDelayMs: 5_000 }), signal: controller.signal });
    const started = Date.now();
    const running = startAttempts(async () => Promise.reject(refused()), o);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(running, ClosedDuringStartError);
    assert.ok(Date.now() - started < 1000);
  });

  it('tells unreachable from refused', () => {
    assert.equal(isUnreachable(refused()), true);
    assert.equal(isUnreachable(new Error('wrapped', { cause: refused() })), true);
    assert.equal(isUnreachable(new AggregateError([refused()])), true);
    assert.equal(isUnreachable(Object.assign(new Error('connection refused'), { name: 'ConnectionError' })), true);
    assert.equal(isUnreachable(new Error('PRECONDITION_FAILED - inequivalent arg')), false);
    assert.equal(isUnreachable(new BrokerConfigurationError('Test', 'x', { cause: refused() })), false);
  });
});
