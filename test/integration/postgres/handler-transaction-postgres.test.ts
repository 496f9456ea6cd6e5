import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import { PostgresAckContext } from '../../../lib/postgres';
import { endTestPool, statesOf, testPool } from '../../support/postgres-broker';
import { startPostgresApp, type PostgresTestApp } from '../../support/postgres-app';
import { waitFor } from '../../support/wait-for';

let effects = '';

interface Job {
  ref: string;
  /** Throw after the write on deliveries below this count. */
  failUntil: number;
}

@Controller()
class TransactionController {
  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 10, jitter: 0 } } })
  @EventPattern('tx.job')
  async handle(@Payload() job: Job, @Ctx() ctx: PostgresAckContext) {
    await ctx.transaction(async (client) => {
      await client.query(`INSERT INTO "${effects}" (ref, attempt) VALUES ($1, $2)`, [job.ref, ctx.getAttempts()]);
      if (ctx.getAttempts() < job.failUntil) throw new Error(`failed after writing, attempt ${ctx.getAttempts()}`);
    });
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TransactionController] })
class TransactionModule {}

describe('PostgreSQL handler transaction (PostgresAckContext.transaction)', () => {
  let target: PostgresTestApp;
  after(async () => {
    if (effects) await testPool().query(`DROP TABLE IF EXISTS "${effects}"`);
    await target?.close();
    await endTestPool();
  });

  it('the handler\'s writes and the ack commit together; a failure rolls both back', { timeout: 30_000 }, async () => {
    target = await startPostgresApp(TransactionModule, { pollIntervalMs: 50 });
    effects = `${target.table}_effects`;
    const db = testPool();
    await db.query(`CREATE TABLE "${effects}" (ref text NOT NULL, attempt int NOT NULL)`);
    const emit = (job: Job) => firstValueFrom(target.client.emit('tx.job', job), { defaultValue: undefined });
    await emit({ ref: 'first-time', failUntil: 0 });
    await emit({ ref: 'second-time', failUntil: 2 });
    await emit({ ref: 'never', failUntil: 99 });
    await waitFor(async () => JSON.stringify(await statesOf(target.table)) === JSON.stringify({ COMPLETED: 2, FAILED: 1 }), { message: '2 COMPLETED and 1 FAILED' });
    const { rows } = await db.query(`SELECT ref, attempt FROM "${effects}" ORDER BY ref`);
    // Exactly one effect per completed message, written by the delivery that acked; none of the failed attempts.
    assert.deepEqual(rows, [{ ref: 'first-time', attempt: 1 }, { ref: 'second-time', attempt: 2 }]);
    const failed = await db.query(`SELECT attempts, reason, last_error FROM ${target.sql.messages} WHERE state = 'FAILED'`);
    assert.deepEqual(failed.rows[0], { attempts: 3, reason: 'max-deliveries', last_error: 'failed after writing, attempt 3' });
  });
});
