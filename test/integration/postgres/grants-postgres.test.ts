import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { Pool } from 'pg';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import { PostgresAckClient, PostgresAckServer, PostgresSql } from '../../../lib/postgres';
import { dropTables, endTestPool, POSTGRES_URL, statesOf, testPool, uniqueTable } from '../../support/postgres-broker';
import { testLogLevels } from '../../conformance/adapters/rabbitmq';
import { waitFor } from '../../support/wait-for';

@Controller()
class GrantsController {
  @EventPattern('grants.event')
  event() {}

  @MessagePattern('grants.request')
  request(data: number) {
    return data * 2;
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [GrantsController] })
class GrantsModule {}

/**
 * The grants docs/postgres.md gives each role, on the real database: the
 * producer may only insert a PENDING row (no state, attempts or schedule of its
 * own choosing, no reading of other rows), the requester also collects replies,
 * the server settles. Each role is taken with `-c role=...` at connection
 * start, so the test needs no login role or pg_hba entry of its own.
 */
describe('PostgreSQL roles with the documented grants', { timeout: 120_000 }, () => {
  const table = uniqueTable('grants');
  const sql = new PostgresSql({ schema: 'public', table });
  const suffix = randomBytes(4).toString('hex');
  const roles = { producer: `ack_producer_${suffix}`, requester: `ack_requester_${suffix}`, server: `ack_server_${suffix}` };
  const asRole = (role: string) => ({ connectionString: POSTGRES_URL, options: `-c role=${role}` });
  const pools: Pool[] = [];
  const rolePool = (role: string) => {
    const pool = new Pool({ ...asRole(role), max: 1 });
    pools.push(pool);
    return pool;
  };

  before(async () => {
    const owner = new PostgresAckClient({ connection: POSTGRES_URL, table, createSchema: true });
    await owner.connect();
    await owner.close();
    const db = testPool();
    const t = `"${table}"`;
    const replies = `"${table}_replies"`;
    await db.query(`
CREATE ROLE ${roles.producer} NOLOGIN;
CREATE ROLE ${roles.requester} NOLOGIN IN ROLE ${roles.producer};
CREATE ROLE ${roles.server} NOLOGIN;
GRANT USAGE ON SCHEMA public TO ${roles.producer}, ${roles.server};
GRANT INSERT (queue, pattern, body, headers, reply_to, correlation_id), SELECT (id) ON ${t} TO ${roles.producer};
GRANT USAGE ON SEQUENCE "${table}_id_seq" TO ${roles.producer};
GRANT SELECT, DELETE ON ${replies} TO ${roles.requester};
GRANT SELECT, UPDATE, DELETE ON ${t} TO ${roles.server};
GRANT SELECT, INSERT, DELETE ON ${replies} TO ${roles.server};
GRANT USAGE ON SEQUENCE "${table}_replies_id_seq" TO ${roles.server};`);
  });

  after(async () => {
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    await dropTables(table).catch(() => undefined);
    for (const role of [roles.requester, roles.producer, roles.server]) await testPool().query(`DROP OWNED BY ${role}; DROP ROLE ${role}`).catch(() => undefined);
    await endTestPool();
  });

  it('the producer inserts rows but cannot choose their state, attempts or schedule, nor read or change rows', async () => {
    const producer = rolePool(roles.producer);
    const client = new PostgresAckClient({ connection: producer, table });
    await firstValueFrom(client.emit('grants.event', 1));
    await client.close();
    assert.deepEqual(await statesOf(table), { PENDING: 1 });
    const refused = [
      `INSERT INTO "${table}" (queue, body, attempts) VALUES ('default', '\\x00', 1000)`,
      `INSERT INTO "${table}" (queue, body, state) VALUES ('default', '\\x00', 'FAILED')`,
      `INSERT INTO "${table}" (queue, body, next_attempt_at) VALUES ('default', '\\x00', now() + interval '1 year')`,
      `SELECT body FROM "${table}"`,
      `UPDATE "${table}" SET state = 'COMPLETED'`,
      `DELETE FROM "${table}"`,
      `SELECT body FROM "${table}_replies"`,
    ];
    for (const statement of refused) {
      await assert.rejects(producer.query(statement), /permission denied/, statement);
    }
  });

  it('the server consumes and replies; the requester gets its reply', async () => {
    const server = new PostgresAckServer({ connection: asRole(roles.server), table, pollIntervalMs: 200 });
    const app = await NestFactory.createMicroservice(GrantsModule, { strategy: server, logger: testLogLevels });
    const requester = new PostgresAckClient({ connection: asRole(roles.requester), table });
    try {
      await app.listen();
      assert.equal(await firstValueFrom(requester.send('grants.request', 21)), 42);
      await waitFor(async () => JSON.stringify(await statesOf(table)) === JSON.stringify({ COMPLETED: 2 }), { message: 'both rows COMPLETED' });
      const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM ${sql.replies}`);
      assert.equal(rows[0].n, 0, 'the reply row was taken by the requester');
    } finally {
      await app.close();
      await requester.close();
    }
  });
});
