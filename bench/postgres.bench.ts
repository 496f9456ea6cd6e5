import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { PostgresAckServer, PostgresSql } from '../lib/postgres';
import { createPostgresSchema } from '../lib/postgres/postgres-schema';
import { brokerUrls } from '../test/support/broker-urls';
import { uniqueTable } from '../test/support/postgres-broker';
import { fillScaleTable, medianClaimMs } from '../test/support/postgres-scale';
import { after, benchModule, round, sleep, type BenchResult, type BrokerBench, type Contender } from './measure';
import type { ExtraBench } from './bench-types';

const BATCH = 50;
const QUEUE = 'bench';
/** The raw loop's wait when the table had nothing to claim (ours is woken by NOTIFY). */
const RAW_IDLE_MS = 5;

const ours = (ackModule: boolean): Contender => ({
  role: ackModule ? 'ours+module' : 'ours',
  label: ackModule ? 'PostgresAckServer + AckModule' : 'PostgresAckServer',
  async start(table, work, tick) {
    const server = new PostgresAckServer({ connection: brokerUrls.postgres, table, queue: QUEUE, concurrency: BATCH, batchSize: BATCH, deadLetter: false });
    server.on('settled', tick);
    const app = await NestFactory.createMicroservice(benchModule('bench', work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
    await app.listen();
    return () => app.close();
  },
});

/** PostgreSQL: a SKIP LOCKED claim loop marking rows COMPLETED by hand, `PostgresAckServer` without and with `AckModule` (Nest has no PostgreSQL transport). */
export function postgresBench(): BrokerBench {
  const pool = new Pool({ connectionString: brokerUrls.postgres, max: 10 });
  const tables: string[] = [];
  const sqlOf = (table: string) => new PostgresSql({ schema: 'public', table });
  return {
    id: 'postgres',
    title: `PostgreSQL, batches of ${BATCH}`,
    concurrency: BATCH,
    latencyRate: 200,
    contenders: [
      {
        role: 'raw',
        label: 'pg SKIP LOCKED + UPDATE',
        async start(table, work, tick) {
          const sql = sqlOf(table);
          const claim = `UPDATE ${sql.messages} SET state = 'PROCESSING', attempts = attempts + 1 WHERE id IN (
            SELECT id FROM ${sql.messages} WHERE queue = $1 AND state = 'PENDING' ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
          ) RETURNING id, body`;
          let running = true;
          const loop = (async () => {
            while (running) {
              const { rows } = await pool.query<{ id: string; body: Buffer }>(claim, [QUEUE, BATCH]);
              if (rows.length === 0) {
                await sleep(RAW_IDLE_MS);
                continue;
              }
              await Promise.all(rows.map(async (row) => {
                const packet = JSON.parse(row.body.toString('utf8'));
                await after(work(packet.data), () => undefined);
                await pool.query(`UPDATE ${sql.messages} SET state = 'COMPLETED', updated_at = now() WHERE id = $1`, [row.id]);
                tick();
              }));
            }
          })();
          return async () => {
            running = false;
            await loop;
          };
        },
      },
      ours(false),
      ours(true),
    ],
    async fill(messages) {
      const table = uniqueTable('bench');
      tables.push(table);
      const sql = sqlOf(table);
      await createPostgresSchema(pool, sql);
      await pool.query(
        `INSERT INTO ${sql.messages} (queue, pattern, body) SELECT $1, 'bench', convert_to('{"pattern":"bench","data":{"i":' || g || '}}', 'UTF8') FROM generate_series(1, $2::int) g`,
        [QUEUE, messages],
      );
      await pool.query(`ANALYZE ${sql.messages}`);
      return table;
    },
    async publisher(table) {
      const sql = sqlOf(table);
      const publishing = new Pool({ connectionString: brokerUrls.postgres, max: 4 });
      return {
        publish: async (data) => void (await publishing.query(sql.insert, [QUEUE, 'bench', Buffer.from(JSON.stringify({ pattern: 'bench', data })), '{}', null, null, sql.channel])),
        close: () => publishing.end(),
      };
    },
    async version() {
      const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
      return `PostgreSQL ${rows[0].server_version}`;
    },
    async cleanup() {
      for (const table of tables.splice(0)) await pool.query(`DROP TABLE IF EXISTS "${table}"; DROP TABLE IF EXISTS "${table}_replies"`);
    },
  };
}

/** One claim of 10 rows with 1,000 rows in the table, then with 100,000 (99,000 COMPLETED): claims per second (ratio ~1 = the index works). */
export async function benchPostgresClaimScale(): Promise<BenchResult[]> {
  const pool = new Pool({ connectionString: brokerUrls.postgres, max: 2 });
  const tables = [uniqueTable('bench_small'), uniqueTable('bench_large')];
  try {
    const results: BenchResult[] = [];
    for (const [table, total, completed, name] of [[tables[0], 1_000, 0, 'claim 10 of 1,000 rows'], [tables[1], 100_000, 99_000, 'claim 10 of 100,000 (99% done)']] as const) {
      const sql = await fillScaleTable(pool, table, total, completed);
      await medianClaimMs(pool, sql, 5, 10);
      const ms = await medianClaimMs(pool, sql, 40, 10);
      results.push({ name, messages: 1, seconds: round(ms / 1000, 5), perSecond: Math.round(1000 / ms) });
    }
    return results;
  } finally {
    for (const table of tables) await pool.query(`DROP TABLE IF EXISTS "${table}"; DROP TABLE IF EXISTS "${table}_replies"`);
    await pool.end();
  }
}

/** The extra of bench/run.ts for PostgreSQL: claims with a large settled backlog, in a full run with every contender. */
export const postgresClaimScaleBench: ExtraBench = async ({ mode, roles }) => {
  if (mode.name !== 'full' || roles) return undefined;
  return { title: 'PostgreSQL: claims/s with a large settled backlog (median of 40; ratio ~1 = the index works)', results: await benchPostgresClaimScale() };
};
