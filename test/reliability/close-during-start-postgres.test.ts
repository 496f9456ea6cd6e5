import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { wakeChannel } from '../../lib/postgres/postgres-sql';
import { dropTables, endTestPool, testPool, uniqueTable } from '../support/postgres-broker';
import { runChild } from '../support/run-child';

const CHILD = join(__dirname, '../support/postgres-close-child.js');

describe('postgres: a close during listen() lets the process exit by itself', () => {
  const tables: string[] = [];
  after(async () => {
    for (const table of tables) await dropTables(table).catch(() => undefined);
    await endTestPool();
  });
  for (const delayMs of [0, 10, 50, 200, 400]) {
    it(`closed ${delayMs} ms into the start`, async () => {
      const table = uniqueTable('close_start');
      tables.push(table);
      const { code, output } = await runChild(CHILD, [table, String(delayMs)]);
      assert.equal(code, 0, output);
      assert.match(output, /^listen: (started|ClosedDuringStartError)$/m, 'listen() settled');
      assert.match(output, /^closed$/m);
      const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${wakeChannel({ schema: 'public', table })}"`]);
      assert.equal(rows[0].n, 0, 'no LISTEN connection left');
    });
  }
});
