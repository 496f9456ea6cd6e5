import { Pool } from 'pg';
import { PostgresAckClient, PostgresAckServer, PostgresSql, RowState } from '../../lib/postgres';
import { RUN_ID } from '../patterns';
import { countInto, type SampleTransport } from '../transport';

/** Never printed: it may carry credentials. */
const connection = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * PostgreSQL: a table of this run (created at start), one row per message.
 * The broker's view is the rows themselves: COMPLETED (acked), FAILED (the
 * dead letter, with its reason), anything else unsettled; `attempts` counts deliveries.
 */
export async function postgresTransport(): Promise<SampleTransport> {
  const table = `sample_${RUN_ID}`;
  const queue = 'orders';
  const sql = new PostgresSql({ schema: 'public', table });
  const pool = new Pool({ connectionString: connection, max: 2 });
  return {
    description: `PostgreSQL (table ${table}, queue "${queue}")`,
    server: new PostgresAckServer({ connection, table, queue, createSchema: true }),
    client: new PostgresAckClient({ connection, table, queue }),
    async publishPoison(pattern) {
      await pool.query(`INSERT INTO ${sql.messages} (queue, pattern, body) VALUES ($1, $2, $3)`, [queue, pattern, Buffer.from('{ not json')]);
    },
    async readBroker() {
      const { rows } = await pool.query<{ pattern: string; state: RowState; reason: string | null; attempts: number }>(`SELECT pattern, state, reason, attempts FROM ${sql.messages} WHERE queue = $1`, [queue]);
      const byState: Record<string, number> = {};
      const ackedByPattern: Record<string, number> = {};
      const retriedByPattern: Record<string, number> = {};
      for (const row of rows) {
        countInto(byState, row.state);
        if (row.state === RowState.COMPLETED) countInto(ackedByPattern, row.pattern);
        countInto(retriedByPattern, row.pattern, Math.max(row.attempts - 1, 0));
      }
      const failed = rows.filter((row) => row.state === RowState.FAILED);
      return {
        lines: [`table ${table}, queue "${queue}": ${Object.entries(byState).map(([state, n]) => `${n} ${state}`).join(', ')}`],
        unsettled: rows.length - (byState[RowState.COMPLETED] ?? 0) - failed.length,
        deadLetters: failed.map((row) => ({ pattern: row.pattern, reason: row.reason ?? '' })),
        ackedByPattern,
        retriedByPattern,
      };
    },
    async cleanup() {
      await pool.query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
      await pool.end();
    },
  };
}
