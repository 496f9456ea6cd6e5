import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeRedisAdmin, deleteKeys, outstandingIn, redisAdmin } from '../../support/redis-broker';
import { assertSampleAgreed, runSample, SAMPLE_PATTERNS } from '../../support/sample-run';

describe('the sample on Redis Streams (SAMPLE_BROKER=redis)', () => {
  it('settles every message: nothing pending in the group, the dead letters in the :dlq streams', { timeout: 90_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'redis', SAMPLE_KEEP: '1' });
    const group = `sample-${run.runId}`;
    const streams = SAMPLE_PATTERNS.map((name) => `sample-${run.runId}.${name}`);
    try {
      assertSampleAgreed(run);
      // Read again by the test itself: XPENDING / unread entries per stream, XLEN of the dead-letter streams.
      for (const stream of streams) assert.equal(await outstandingIn(stream, group), 0, `${stream} settled`);
      let deadLetters = 0;
      for (const stream of streams) deadLetters += await redisAdmin().xlen(`${stream}:dlq`);
      assert.equal(deadLetters, 6);
    } finally {
      if (run.runId) await deleteKeys([...streams, ...streams.map((s) => `${s}:dlq`)]);
      await closeRedisAdmin();
    }
  });
});
