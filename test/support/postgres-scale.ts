import type { Pool } from 'pg';
import { PostgresSql } from '../../lib/postgres';
import { createPostgresSchema } from '../../lib/postgres/postgres-schema';

export const SCALE_QUEUE = 'scale';

/**
 * A fresh table of `total` rows of queue `scale`, the first `completed` of them
 * COMPLETED and the rest PENDING, analyzed like autovacuum would.
 */
export async function fillScaleTable(pool: Pool, table: string, total: number, completed: number): Promise<PostgresSql> {
  const sql = new PostgresSql({ schema: 'public', table });
  await createPostgresSchema(pool, sql);
  await pool.query(
    `INSERT INTO ${sql.messages} (queue, pattern, body, state, attempts)
     SELECT $1, 'scale', convert_to('{"pattern":"scale","data":' || g || '}', 'UTF8'),
            CASE WHEN g <= $3 THEN 'COMPLETED' ELSE 'PENDING' END, CASE WHEN g <= $3 THEN 1 ELSE 0 END
     FROM generate_series(1, $2::int) g`,
    [SCALE_QUEUE, total, completed],
  );
  await pool.query(`ANALYZE ${sql.messages}`);
  return sql;
}

/** Median ms of `rounds` claims of `batch` rows, each row then marked COMPLETED as an ack would. */
export async function medianClaimMs(pool: Pool, sql: PostgresSql, rounds: number, batch: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    const { rows } = await pool.query(sql.claim, [SCALE_QUEUE, batch, 30_000, Number.MAX_SAFE_INTEGER]);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (rows.length !== batch) throw new Error(`claimed ${rows.length} rows, expected ${batch}`);
    await pool.query(`UPDATE ${sql.messages} SET state = 'COMPLETED' WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Index names the plan of the claim statement reads the table through, and whether it scans the table sequentially. */
export async function claimPlan(pool: Pool, sql: PostgresSql): Promise<{ indexes: string[]; seqScan: boolean }> {
  const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${sql.claim}`, [SCALE_QUEUE, 10, 30_000, Number.MAX_SAFE_INTEGER]);
  const indexes: string[] = [];
  let seqScan = false;
  const walk = (node: Record<string, any>) => {
    if (node['Index Name']) indexes.push(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === sql.name.table) seqScan = true;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(rows[0]['QUERY PLAN'][0].Plan);
  return { indexes, seqScan };
}
