import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { dropTables, endTestPool, testPool, uniqueTable } from '../../support/postgres-broker';
import { claimPlan, fillScaleTable, medianClaimMs } from '../../support/postgres-scale';

describe('PostgreSQL claiming with a large settled backlog', () => {
  const small = uniqueTable('scale_small');
  const large = uniqueTable('scale_large');
  after(async () => {
    await dropTables(small);
    await dropTables(large);
    await endTestPool();
  });

  it('claims through the partial index: 100,000 rows (99,000 COMPLETED) claim as fast as 1,000', { timeout: 120_000 }, async (t) => {
    const pool = testPool();
    const smallSql = await fillScaleTable(pool, small, 1_000, 0);
    const largeSql = await fillScaleTable(pool, large, 100_000, 99_000);

    const plan = await claimPlan(pool, largeSql);
    t.diagnostic(`claim plan on ${large}: indexes ${plan.indexes.join(', ')}`);
    assert.ok(plan.indexes.includes(`${large}_claimable`), `EXPLAIN uses the partial index ${large}_claimable (got ${plan.indexes.join(', ')})`);
    assert.ok(plan.indexes.includes(`${large}_leased`), 'expired leases are found through their partial index');
    assert.equal(plan.seqScan, false, 'no sequential scan of the table');

    // Warm both, then alternate rounds so load on the machine hits both alike.
    await medianClaimMs(pool, smallSql, 5, 10);
    await medianClaimMs(pool, largeSql, 5, 10);
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let round = 0; round < 8; round++) {
      smallTimes.push(await medianClaimMs(pool, smallSql, 5, 10));
      largeTimes.push(await medianClaimMs(pool, largeSql, 5, 10));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const smallMs = median(smallTimes);
    const largeMs = median(largeTimes);
    t.diagnostic(`median claim of 10 rows: ${smallMs.toFixed(2)} ms with 1,000 rows, ${largeMs.toFixed(2)} ms with 100,000 rows`);
    // A sequential scan of 100,000 rows takes tens of ms; the index keeps it within noise of the small table.
    assert.ok(largeMs <= smallMs * 2 + 1, `claiming with 100,000 rows (${largeMs.toFixed(2)} ms) stays as fast as with 1,000 (${smallMs.toFixed(2)} ms)`);
  });
});
