import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FetchLiveness, fetchSilenceMs } from '../../../lib/kafka/fetch-liveness';

describe('FetchLiveness', () => {
  it('reports an outage once the fetches stay silent for silenceMs, and its end at the next answer', () => {
    const liveness = new FetchLiveness(5_000, 0);
    assert.equal(liveness.check(4_999, true), false);
    assert.equal(liveness.check(5_000, true), true);
    assert.equal(liveness.check(9_000, true), false, 'reported once');
    assert.equal(liveness.isDown, true);
    assert.equal(liveness.answered(12_000), true);
    assert.equal(liveness.answered(12_500), false, 'the end is reported once');
    assert.equal(liveness.check(16_000, true), false);
  });

  it('a consumer without partitions is never silent', () => {
    const liveness = new FetchLiveness(5_000, 0);
    assert.equal(liveness.check(60_000, false), false);
    assert.equal(liveness.check(64_000, true), false, 'the clock restarts when partitions come');
    assert.equal(liveness.check(65_000, true), true);
  });

  it('an outage known from a crash is not reported twice, and ends at the next answer', () => {
    const liveness = new FetchLiveness(5_000, 0);
    assert.equal(liveness.markDown(), true);
    assert.equal(liveness.markDown(), false);
    assert.equal(liveness.check(10_000, true), false);
    assert.equal(liveness.answered(11_000), true);
  });

  it('waits 10 fetch waits, at least 5 s', () => {
    assert.equal(fetchSilenceMs(500), 5_000);
    assert.equal(fetchSilenceMs(2_000), 20_000);
  });
});
