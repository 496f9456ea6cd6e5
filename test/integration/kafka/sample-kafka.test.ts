import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeSharedAdmin, deleteTopicsAndGroups, endOffsetTotal, uncommitted } from '../../support/kafka-broker';
import { assertSampleAgreed, runSample, SAMPLE_PATTERNS } from '../../support/sample-run';

describe('the sample on Kafka (SAMPLE_BROKER=kafka)', () => {
  it('settles every message: every record committed, the dead letters in the .dlt topics', { timeout: 120_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'kafka', SAMPLE_KEEP: '1' }, 100_000);
    const group = `sample-${run.runId}`;
    const topics = SAMPLE_PATTERNS.map((name) => `sample-${run.runId}.${name}`);
    try {
      assertSampleAgreed(run);
      assert.match(run.stdout, /^broker: group sample-\w+: committed offsets sum to 14, 0 record\(s\) past them on 7 topics$/m);
      // Read again by the test itself: committed offsets at the end offsets, 6 records on the dead-letter topics.
      for (const topic of topics) assert.equal(await uncommitted(topic, group), 0, `${topic} fully committed`);
      let deadLetters = 0;
      for (const topic of topics) deadLetters += await endOffsetTotal(`${topic}.dlt`);
      assert.equal(deadLetters, 6);
    } finally {
      if (run.runId) await deleteTopicsAndGroups([...topics, ...topics.map((t) => `${t}.dlt`)], [group, `${group}-dlt-reader`]);
      await closeSharedAdmin();
    }
  });
});
