import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEAD_LETTER_LOG_INTERVAL_MS, DeadLetterFailures } from '../../../lib/core/dead-letter-failures';
import { resolveRetry } from '../../../lib/core/retry';

describe('DeadLetterFailures', () => {
  const retry = resolveRetry('retry', { backoff: { type: 'fixed', initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 } });

  it('grows the nack delay up to the backoff cap, even for a fixed backoff', () => {
    const failures = new DeadLetterFailures();
    const delays = Array.from({ length: 6 }, (_, i) => failures.refused('m1', retry, i).delayMs);
    assert.deepEqual(delays, [100, 200, 400, 800, 1000, 1000]);
    assert.equal(failures.count, 1);
  });

  it('logs at most once per interval per source, counting what it held back', () => {
    const failures = new DeadLetterFailures();
    const logged = [0, 10, 20, DEAD_LETTER_LOG_INTERVAL_MS + 5, DEAD_LETTER_LOG_INTERVAL_MS + 6].map((now) => failures.refused('m1', retry, now));
    assert.deepEqual(logged.map((l) => l.log), [true, false, false, true, false]);
    assert.equal(logged[3].suppressed, 2, 'the next line says how many were held back');
    assert.equal(failures.refused('m2', retry, 30).log, true, 'another source logs on its own');
    assert.equal(failures.count, 2);
  });

  it('forgets a source once it was dead-lettered, and stays bounded', () => {
    const failures = new DeadLetterFailures(3);
    failures.refused('a', retry);
    failures.resolved('a');
    assert.equal(failures.count, 0);
    for (const key of ['a', 'b', 'c', 'd']) failures.refused(key, retry);
    assert.equal(failures.count, 3);
  });
});
