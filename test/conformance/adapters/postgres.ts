import { NestFactory } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import { deadLetterOf, PostgresAckClient, PostgresAckServer, PostgresSql, type FailedRow } from '../../../lib/postgres';
import type { ConformanceAdapter, ConformanceSetup, ConformanceTarget, DeadLetterView } from '../adapter';
import { dropTables, endTestPool, POSTGRES_URL, testPool, uniqueTable } from '../../support/postgres-broker';
import { testLogLevels } from './rabbitmq';

const QUEUE = 'conformance';

/**
 * Runs the conformance suite on PostgreSQL: one fresh table per start (created
 * by the server), all the test's patterns in it; outstanding rows and dead
 * letters (FAILED rows) read with plain SQL; the tables dropped at close.
 */
export function postgresConformanceAdapter(): ConformanceAdapter {
  return {
    name: 'postgres',
    canBlockDeadLetters: true,
    // Channels a reply_to could name besides the suite's: the default table's wake channel (consumers LISTEN
    // on it), and the client's prefix followed by what a channel name may not hold.
    forgedReplyAddresses: () => ['nestjs_ack_messages_wake', 'nestjs_ack_reply_x"; NOTIFY victim; --'],
    async start(setup: ConformanceSetup): Promise<ConformanceTarget> {
      const table = uniqueTable('conf');
      const sql = new PostgresSql({ schema: 'public', table });
      const connection = { schema: 'public', table, queue: QUEUE, createSchema: true };
      const server = new PostgresAckServer({
        ...setup.serverOptions,
        ...connection,
        connection: { connectionString: POSTGRES_URL, max: 5 },
        pollIntervalMs: 200,
        retention: { intervalMs: 1000 },
      });
      const app = await NestFactory.createMicroservice(setup.module, { strategy: server, logger: testLogLevels });
      const client = new PostgresAckClient({ ...connection, connection: POSTGRES_URL });
      try {
        await client.connect(); // creates the table, so the suite can read it before listen()
        if (setup.listen !== false) await app.listen();
      } catch (error) {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await dropTables(table).catch(() => undefined);
        throw error;
      }
      const db = testPool();
      let closed = false;
      return {
        app,
        server,
        emit: (pattern, data) => firstValueFrom(client.emit(pattern, data), { defaultValue: undefined }),
        send: (pattern, data) => firstValueFrom(client.send(pattern, data)),
        async publishRaw(pattern, body) {
          await db.query(sql.insert, [QUEUE, pattern, body, '{}', null, null, sql.channel]);
        },
        // The row's own columns, as any role with INSERT on the table can write them.
        async publishForged(pattern, body, { headers, replyTo, correlationId }) {
          await db.query(sql.insert, [QUEUE, pattern, body, JSON.stringify(headers ?? {}), replyTo ?? null, correlationId ?? null, sql.channel]);
        },
        async outstanding(pattern) {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${sql.messages} WHERE queue = $1 AND pattern = $2 AND state IN ('PENDING', 'PROCESSING', 'RETRYABLE')`, [QUEUE, pattern]);
          return rows[0].n;
        },
        async deadLetters(pattern): Promise<DeadLetterView[]> {
          const { rows } = await db.query<FailedRow>(sql.deadLetters, [QUEUE]);
          return rows
            .filter((row) => row.pattern === pattern)
            .map(deadLetterOf)
            .map(({ body, headersWithRecord, reason, errorName, errorMessage, deliveryCount, source }) => ({ body, headers: headersWithRecord, reason, errorName, errorMessage, deliveryCount, source }));
        },
        // Consumers are the connections LISTENing on the table's channel.
        async consumers() {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = $1`, [`LISTEN "${sql.channel}"`]);
          return rows[0].n;
        },
        // A CHECK constraint (NOT VALID: existing rows stay) makes PostgreSQL refuse new FAILED rows of the pattern.
        async blockDeadLetters(pattern, blocked) {
          const constraint = `"${table}_block_failed"`;
          if (blocked) {
            const literal = `'${pattern.replace(/'/g, "''")}'`;
            await db.query(`ALTER TABLE ${sql.messages} ADD CONSTRAINT ${constraint} CHECK (state <> 'FAILED' OR pattern IS DISTINCT FROM ${literal}) NOT VALID`);
          } else {
            await db.query(`ALTER TABLE ${sql.messages} DROP CONSTRAINT IF EXISTS ${constraint}`);
          }
        },
        async close() {
          if (closed) return;
          closed = true;
          try {
            await app.close();
          } finally {
            await client.close().catch(() => undefined);
            await dropTables(table);
          }
        },
      };
    },
    dispose: () => endTestPool(),
  };
}
