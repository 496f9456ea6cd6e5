// The harness's hands on PostgreSQL (pg, not our client): one table per scenario (the library's
// schema), rows inserted with plain SQL as PostgresAckClient writes them (or with odd columns),
// outstanding rows and dead letters (FAILED rows) read with plain SQL.
import { Pool } from 'pg';
import { deadLetterOf, PostgresSql, type FailedRow } from '../lib/postgres';
import { createPostgresSchema } from '../lib/postgres/postgres-schema';
import type { DeadLetter, Driver, RawMessage } from './drivers';
import { retry } from './nats-driver';

/** The queue every harness row is in (one table per scenario keeps them apart). */
export const POSTGRES_QUEUE = 'rel';
const PATTERN = 'rel.item';

/** The table of a harness stream name (SQL names: letters, digits, underscores). */
export function postgresTable(stream: string): string {
  return stream.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
}

export class PostgresDriver implements Driver {
  readonly transport = 'postgres';
  private readonly pool: Pool;

  constructor(readonly addresses: string[]) {
    this.pool = new Pool({ connectionString: addresses[0], max: 10 });
    this.pool.on('error', () => undefined);
  }

  private sql(stream: string): PostgresSql {
    return new PostgresSql({ schema: 'public', table: postgresTable(stream) });
  }

  pattern(): string {
    return PATTERN;
  }

  items(_stream: string, ids: number[]): RawMessage[] {
    return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: PATTERN, data: { id } })) }));
  }

  async prepare(stream: string): Promise<void> {
    await createPostgresSchema(this.pool, this.sql(stream));
  }

  async publish(stream: string, messages: RawMessage[]): Promise<void> {
    const sql = this.sql(stream);
    for (let start = 0; start < messages.length; start += 200) {
      const batch = messages.slice(start, start + 200);
      const values: unknown[] = [];
      const rows = batch.map((message) => {
        values.push(POSTGRES_QUEUE, message.rowPattern === undefined ? PATTERN : message.rowPattern, message.body ?? Buffer.alloc(0), JSON.stringify(message.rowHeaders !== undefined ? message.rowHeaders : (message.headers ?? {})), message.replyTo ?? null, message.correlationId ?? null);
        const n = values.length;
        return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      // One statement per batch: all of it or nothing; sent again whole after a connection loss.
      await retry(() => this.pool.query(`WITH inserted AS (INSERT INTO ${sql.messages} (queue, pattern, body, headers, reply_to, correlation_id) VALUES ${rows.join(', ')} RETURNING 1) SELECT pg_notify($${values.length + 1}, $1) FROM (SELECT 1 FROM inserted LIMIT 1) AS any_row`, [...values, sql.channel]));
    }
  }

  async outstanding(stream: string): Promise<number> {
    const { rows } = await retry(() => this.pool.query(`SELECT count(*)::int AS n FROM ${this.sql(stream).messages} WHERE queue = $1 AND state IN ('PENDING', 'PROCESSING', 'RETRYABLE')`, [POSTGRES_QUEUE]));
    return rows[0].n;
  }

  async deadLetters(stream: string): Promise<DeadLetter[]> {
    const { rows } = await retry(() => this.pool.query<FailedRow>(this.sql(stream).deadLetters, [POSTGRES_QUEUE]));
    return rows.map((row) => {
      const letter = deadLetterOf(row);
      const input = row.headers?.['x-rel-input'];
      return { input: typeof input === 'string' ? input : undefined, reason: letter.reason, deliveryCount: letter.deliveryCount, body: letter.body };
    });
  }

  async cleanup(stream: string): Promise<void> {
    const sql = this.sql(stream);
    await this.pool.query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
