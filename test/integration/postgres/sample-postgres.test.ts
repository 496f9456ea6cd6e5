import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropTables, endTestPool, statesOf } from '../../support/postgres-broker';
import { assertSampleAgreed, runSample } from '../../support/sample-run';

describe('the sample on PostgreSQL (SAMPLE_BROKER=postgres)', () => {
  it('settles every message: the rows are COMPLETED or FAILED (the dead letters)', { timeout: 90_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'postgres', SAMPLE_KEEP: '1' });
    const table = `sample_${run.runId}`;
    try {
      assertSampleAgreed(run);
      assert.match(run.stdout, new RegExp(`^broker: table ${table}, queue "orders": 8 COMPLETED, 6 FAILED$`, 'm'));
      // Read again by the test itself.
      assert.deepEqual(await statesOf(table), { COMPLETED: 8, FAILED: 6 });
    } finally {
      if (run.runId) await dropTables(table);
      await endTestPool();
    }
  });
});
