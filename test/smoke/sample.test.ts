import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSampleAgreed, runSample } from '../support/sample-run';
import { TRANSPORTS } from '../transports';

// The README's first command runs this sample: it must start without a broker and print each settlement.
// The sample on each real broker is tested in that broker's lane (test/integration/<broker>/sample-<broker>.test.ts).
describe('the sample app', () => {
  it('runs on the in-memory transport by default, prints every settlement and a summary the broker agrees with', { timeout: 30_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: '' });
    assertSampleAgreed(run);
    const settled = run.stdout.split('\n').filter((line) => line.startsWith('settled '));
    assert.equal(settled.length, 18, run.stdout); // 14 final settlements + 4 nacks
    assert.match(run.stdout, /settled ack +payment\.capture +delivery=3/);
    assert.match(run.stdout, /settled reject order\.created +delivery=1 reason=fraud-suspected/);
    assert.match(run.stdout, /broker: queue "orders": ready=0 unacked=0 delayed=0 dead-lettered=6/);
  });

  it('says so loudly and exits non-zero when messages are not settled in time', { timeout: 30_000 }, async () => {
    // 150 ms is shorter than the NACK_ON_ERROR handler's two 100 ms retry delays: those messages are still waiting.
    const run = await runSample({ SAMPLE_BROKER: 'in-memory', SAMPLE_TIMEOUT_MS: '150' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /NOT SETTLED AS EXPECTED on in-memory:/);
    assert.match(run.stderr, /messages were settled after 150 ms/);
    assert.match(run.stderr, /the broker still holds \d+ unsettled message/);
    assert.doesNotMatch(run.stdout, /^OK:/m);
  });

  it('refuses an unknown SAMPLE_BROKER', { timeout: 30_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'mqtt' });
    assert.equal(run.code, 1);
    // The sample offers every transport of the manifest, in its order.
    assert.ok(run.stderr.includes(`SAMPLE_BROKER=mqtt is not one of ${TRANSPORTS.map((entry) => entry.id).join(', ')}`), run.stderr);
  });
});
