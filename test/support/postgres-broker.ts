import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresSql } from '../../lib/postgres';
import { quoteIdent } from '../../lib/postgres/postgres-sql';
import { brokerUrls } from './broker-urls';

export const POSTGRES_URL = brokerUrls.postgres;

/** A table name no earlier run used (SQL names: letters, digits, underscores). */
export function uniqueTable(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** One pool for the tests' own SQL (assertions read row states with plain SQL). */
let shared: Pool | undefined;
export function testPool(): Pool {
  if (!shared) {
    shared = new Pool({ connectionString: POSTGRES_URL, max: 4 });
    shared.on('error', () => undefined);
  }
  return shared;
}

export async function endTestPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.end();
}

/** Drops the message table of `table` and its replies table. */
export async function dropTables(table: string, schema = 'public'): Promise<void> {
  const sql = new PostgresSql({ schema, table });
  await testPool().query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
}

/** Rows of `table` by state, e.g. `{ COMPLETED: 3, FAILED: 1 }`. */
export async function statesOf(table: string, where = 'true', values: unknown[] = []): Promise<Record<string, number>> {
  const { rows } = await testPool().query<{ state: string; n: string }>(`SELECT state, count(*) AS n FROM ${quoteIdent(table)} WHERE ${where} GROUP BY state ORDER BY state`, values);
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}
