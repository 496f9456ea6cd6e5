import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { ConnectionClosedError } from '../../lib/core/errors';
import { PostgresAckClient } from '../../lib/postgres';
import { dropTables, endTestPool, POSTGRES_URL, testPool, uniqueTable } from '../support/postgres-broker';
import { assertRequestAbandoned } from '../support/request-abandoned';
import { rejectionWithin, waitFor } from '../support/wait-for';

/** How long a pending `send()` may take to fail once `close()` was called. */
const PROMPT_MS = 2_000;

/** Connections of this database that last ran `LISTEN` on a channel starting with `prefix`. */
async function listenersOf(prefix: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1`, [`LISTEN "${prefix}%`]);
  return rows[0].n;
}

describe('PostgresAckClient.close() with requests waiting for replies', { timeout: 60_000 }, () => {
  const tables: string[] = [];
  after(async () => {
    for (const table of tables) await dropTables(table);
    await endTestPool();
  });

  it('a send() whose row is in the table, with no server to answer, fails promptly at close() with RequestAbandonedError; its LISTEN connection ends', async () => {
    const table = uniqueTable('close_pending');
    tables.push(table);
    const replyChannelPrefix = `close_${randomBytes(4).toString('hex')}_`;
    const client = new PostgresAckClient({ connection: POSTGRES_URL, table, createSchema: true, replyChannelPrefix });
    try {
      const reply = lastValueFrom(client.send('close.pending', { n: 1 }));
      await waitFor(async () => (await testPool().query(`SELECT id FROM "${table}" WHERE reply_to LIKE $1`, [`${replyChannelPrefix}%`])).rowCount === 1, { timeoutMs: 20_000, message: 'the request row in the table' });
      assert.equal(await listenersOf(replyChannelPrefix), 1, 'listening on its reply channel');
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      assertRequestAbandoned(error);
      await closing;
      assert.equal(client.unwrap(), undefined, 'the pool ended');
      await waitFor(async () => (await listenersOf(replyChannelPrefix)) === 0, { message: 'the LISTEN connection ended' });
    } finally {
      await client.close();
    }
  });

  it('a send() closed while the client connects fails at once and is never written; the client connects afresh afterwards', async () => {
    const table = uniqueTable('close_connecting');
    tables.push(table);
    const client = new PostgresAckClient({ connection: POSTGRES_URL, table, createSchema: true });
    try {
      const reply = lastValueFrom(client.send('close.connecting', { n: 1 }));
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      // Nest's send() connects before it registers the request: the connect under way is what fails.
      assert.equal(error.name, 'ConnectionClosedError');
      assert.equal((error as ConnectionClosedError).code, 'ACK_CONNECTION_CLOSED');
      assert.match(error.message, /closed while/);
      await closing;
      assert.equal(client.unwrap(), undefined, 'what the connect opened was closed');
      // The same client, used again, connects afresh: the table then holds the marker only.
      await lastValueFrom(client.emit('close.marker', { marker: true }), { defaultValue: undefined });
      const { rows } = await testPool().query<{ pattern: string }>(`SELECT pattern FROM "${table}"`);
      assert.deepEqual(rows.map((row) => row.pattern), ['close.marker'], 'only the marker written after close()');
    } finally {
      await client.close();
    }
  });
});
