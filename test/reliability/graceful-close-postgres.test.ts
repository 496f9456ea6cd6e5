import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import type { Pool } from 'pg';
import { PostgresAckClient } from '../../lib/postgres';
import { dropTables, endTestPool, POSTGRES_URL, statesOf, testPool, uniqueTable } from '../support/postgres-broker';
import { waitFor } from '../support/wait-for';

const TOTAL = 600;

describe('a PostgreSQL consumer closed gracefully (SIGTERM) mid-stream', () => {
  const table = uniqueTable('term');
  const children: ChildProcess[] = [];
  const client = new PostgresAckClient({ connection: POSTGRES_URL, table, queue: 'kill', createSchema: true });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await client.close();
    await dropTables(table);
    await endTestPool();
  });

  it('loses nothing and duplicates nothing: every row COMPLETED after exactly one attempt', { timeout: 120_000 }, async () => {
    const processed = new Map<number, number>();
    const start = () => {
      const child = spawn(process.execPath, [join(__dirname, '../support/postgres-worker.js'), table], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      const lines: string[] = [];
      const ready = new Promise<void>((resolve) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          if (line === 'ready') resolve();
          const match = /^processed (\d+)$/.exec(line);
          if (match) processed.set(Number(match[1]), (processed.get(Number(match[1])) ?? 0) + 1);
        });
      });
      return { child, ready, lines };
    };

    await client.connect();
    const tx = await client.unwrap<Pool>().connect();
    try {
      await tx.query('BEGIN');
      for (let id = 1; id <= TOTAL; id++) await client.emitIn(tx, 'kill.item', { id });
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    const first = start();
    await first.ready;
    await waitFor(() => processed.size >= 100, { timeoutMs: 30_000, message: '100 processed before SIGTERM' });
    const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGTERM');
    assert.equal(await exited, 0, 'the worker closed and exited cleanly');
    assert.ok(first.lines.includes('closed'));
    const processedByFirst = processed.size;
    const open = await testPool().query(`SELECT count(*)::int AS n FROM "${table}" WHERE state = 'PROCESSING'`);
    assert.equal(open.rows[0].n, 0, 'no row left PROCESSING by the closed worker');

    const second = start();
    await second.ready;
    await waitFor(() => processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} processed (have ${processed.size})` });
    await waitFor(async () => JSON.stringify(await statesOf(table)) === JSON.stringify({ COMPLETED: TOTAL }), { message: 'every row COMPLETED' });
    assert.ok(processedByFirst < TOTAL, 'the close happened mid-stream');
    assert.deepEqual([...processed.values()].filter((n) => n !== 1), [], 'each row processed once');
    const attempts = await testPool().query(`SELECT attempts, count(*)::int AS n FROM "${table}" GROUP BY attempts`);
    assert.deepEqual(attempts.rows, [{ attempts: 1, n: TOTAL }], 'one attempt each: claims given back at close are not counted');
  });
});
