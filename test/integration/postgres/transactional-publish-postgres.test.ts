import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { endTestPool, testPool } from '../../support/postgres-broker';
import { startPostgresApp, type PostgresTestApp } from '../../support/postgres-app';
import { waitFor, waitForEqual } from '../../support/wait-for';

const handled: string[] = [];

@Controller()
class OutboxController {
  @EventPattern('outbox.order')
  handle(@Payload() order: { ref: string }) {
    handled.push(order.ref);
  }
}

@Module({ controllers: [OutboxController] })
class OutboxModule {}

describe('PostgreSQL publish inside the caller\'s transaction', () => {
  let target: PostgresTestApp;
  after(async () => {
    await target?.close();
    await endTestPool();
  });

  it('a rolled-back publish is never delivered, a committed one is, with the caller\'s own write', { timeout: 30_000 }, async () => {
    target = await startPostgresApp(OutboxModule, { pollIntervalMs: 50 });
    const orders = `${target.table}_orders`;
    const db = testPool();
    await db.query(`CREATE TABLE "${orders}" (ref text PRIMARY KEY)`);
    try {
      const inTransaction = async (ref: string, outcome: 'COMMIT' | 'ROLLBACK') => {
        const tx = await db.connect();
        try {
          await tx.query('BEGIN');
          await tx.query(`INSERT INTO "${orders}" (ref) VALUES ($1)`, [ref]);
          const id = await target.client.emitIn(tx, 'outbox.order', { ref });
          // Not visible outside the transaction yet: no consumer can claim it.
          const outside = await db.query(`SELECT count(*)::int AS n FROM ${target.sql.messages} WHERE id = $1`, [id]);
          assert.equal(outside.rows[0].n, 0, 'the row is invisible before commit');
          await tx.query(outcome);
          return id;
        } finally {
          tx.release();
        }
      };

      const rolledBack = await inTransaction('rolled-back', 'ROLLBACK');
      // Held open while the consumer polls every 50 ms: nothing may be delivered meanwhile.
      const held = await db.connect();
      try {
        await held.query('BEGIN');
        await target.client.emitIn(held, 'outbox.order', { ref: 'still-open' });
        const committed = await inTransaction('committed', 'COMMIT');
        await waitFor(() => handled.includes('committed'), { message: 'the committed publish delivered' });
        // The ack follows the handler's return: poll until the row is settled.
        const stateOf = async (id: string) => (await db.query(`SELECT state FROM ${target.sql.messages} WHERE id = $1`, [id])).rows[0]?.state;
        await waitForEqual(() => stateOf(committed), 'COMPLETED', { message: 'the committed row\'s state' });
        const { rows } = await db.query(`SELECT id::text FROM ${target.sql.messages} ORDER BY id`);
        assert.deepEqual(rows.map((r) => r.id).includes(rolledBack), false, 'the rolled-back row does not exist');
        assert.ok(!handled.includes('still-open'), 'an open transaction\'s publish is not delivered');
        await held.query('ROLLBACK');
      } finally {
        held.release();
      }
      // A further publish is handled after the rollbacks: had they been delivered, they would precede it.
      await target.client.emitIn(db, 'outbox.order', { ref: 'after' });
      await waitFor(() => handled.includes('after'), { message: 'a later publish delivered' });
      assert.deepEqual(handled, ['committed', 'after']);
      const { rows } = await db.query(`SELECT ref FROM "${orders}" ORDER BY ref`);
      assert.deepEqual(rows.map((r) => r.ref), ['committed'], 'the caller\'s own writes follow the same transactions');
    } finally {
      await db.query(`DROP TABLE IF EXISTS "${orders}"`);
    }
  });
});
