import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import { PostgresAckContext } from '../../../lib/postgres';
import { endTestPool, testPool } from '../../support/postgres-broker';
import { startPostgresApp, type PostgresTestApp } from '../../support/postgres-app';
import { waitFor } from '../../support/wait-for';

interface Command {
  key: string;
  /** What to do on each delivery, by delivery count (the last entry repeats). */
  steps: Array<'ack' | 'nack' | 'reject' | 'throw' | 'hold'>;
  delayMs?: number;
}

const seen: Array<{ key: string; attempts: number; id: string }> = [];

@Controller()
class RowController {
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern('rows.manual')
  async handle(@Payload() command: Command, @Ctx() ctx: PostgresAckContext) {
    seen.push({ key: command.key, attempts: ctx.getAttempts(), id: ctx.getId() });
    const step = command.steps[Math.min(ctx.getDeliveryCount(), command.steps.length) - 1];
    if (step === 'ack') await ctx.ack();
    else if (step === 'nack') await ctx.nack({ delayMs: command.delayMs });
    else if (step === 'reject') await ctx.reject({ reason: 'row-test' });
    else if (step === 'throw') throw new TypeError('row handler failed');
    else if (step === 'hold') {
      await new Promise((resolve) => setTimeout(resolve, command.delayMs));
      await ctx.ack();
    }
  }

  @AckPolicy(AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 2, backoff: { type: 'fixed', initialDelayMs: 10, jitter: 0 } } })
  @EventPattern('rows.failing')
  fail(@Payload() command: Command) {
    seen.push({ key: command.key, attempts: 0, id: '' });
    throw new TypeError(`row handler failed: ${command.key}`);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [RowController] })
class RowModule {}

interface Row {
  id: string;
  state: string;
  attempts: number;
  next_attempt_at: Date;
  lease_expires_at: Date | null;
  reason: string | null;
  error_name: string | null;
  last_error: string | null;
  first_failure_at: Date | null;
  last_failure_at: Date | null;
  db_now: Date;
}

async function rowOf(target: PostgresTestApp, key: string): Promise<Row | undefined> {
  const { rows } = await testPool().query<Row>(`SELECT *, now() AS db_now FROM ${target.sql.messages} WHERE body::text LIKE '%' || $1 || '%'`, [Buffer.from(key).toString('hex')]);
  return rows[0];
}

async function waitForRow(target: PostgresTestApp, key: string, check: (row: Row) => boolean, message: string): Promise<Row> {
  return (await waitFor(async () => {
    const row = await rowOf(target, key);
    return row && check(row) ? row : undefined;
  }, { message }))!;
}

describe('PostgreSQL row states, read with plain SQL', () => {
  let target: PostgresTestApp;
  const others: PostgresTestApp[] = [];
  after(async () => {
    await target?.close();
    for (const other of others) await other.close();
    await endTestPool();
  });

  it('ack, nack with delay, reject and max-deliveries leave the rows in the documented states', { timeout: 60_000 }, async () => {
    target = await startPostgresApp(RowModule, { leaseMs: 5000 });
    const emit = (pattern: string, command: Command) => firstValueFrom(target.client.emit(pattern, command), { defaultValue: undefined });

    await emit('rows.manual', { key: 'acked', steps: ['ack'] });
    const acked = await waitForRow(target, 'acked', (row) => row.state === 'COMPLETED', 'acked row COMPLETED');
    assert.equal(acked.attempts, 1);
    assert.equal(acked.lease_expires_at, null);

    // A long nack delay: the row must wait RETRYABLE with next_attempt_at about 60 s ahead.
    await emit('rows.manual', { key: 'delayed', steps: ['nack'], delayMs: 60_000 });
    const delayed = await waitForRow(target, 'delayed', (row) => row.state === 'RETRYABLE', 'nacked row RETRYABLE');
    assert.equal(delayed.attempts, 1);
    const ahead = delayed.next_attempt_at.getTime() - delayed.db_now.getTime();
    assert.ok(ahead > 55_000 && ahead <= 60_000, `next_attempt_at ${ahead} ms ahead, expected ~60000`);
    assert.ok(delayed.first_failure_at && delayed.last_failure_at, 'failure times recorded');

    // A short nack delay: redelivered, attempts counts the claims.
    await emit('rows.manual', { key: 'retried', steps: ['nack', 'ack'], delayMs: 100 });
    const retried = await waitForRow(target, 'retried', (row) => row.state === 'COMPLETED', 'retried row COMPLETED');
    assert.equal(retried.attempts, 2);
    assert.deepEqual(seen.filter((s) => s.key === 'retried').map((s) => s.attempts), [1, 2], 'the context shows the attempts column');

    await emit('rows.manual', { key: 'rejected', steps: ['reject'] });
    const rejected = await waitForRow(target, 'rejected', (row) => row.state === 'FAILED', 'rejected row FAILED');
    assert.equal(rejected.reason, 'row-test');
    assert.equal(rejected.attempts, 1);
    assert.ok(rejected.first_failure_at && rejected.last_failure_at);

    await emit('rows.failing', { key: 'spent', steps: [] });
    const spent = await waitForRow(target, 'spent', (row) => row.state === 'FAILED', 'spent row FAILED');
    assert.equal(spent.reason, 'max-deliveries');
    assert.equal(spent.attempts, 2);
    assert.equal(spent.error_name, 'TypeError');
    assert.match(spent.last_error ?? '', /row handler failed: spent/);
    assert.ok(spent.first_failure_at! <= spent.last_failure_at!, 'first failure before last failure');

    // Still waiting: the 60 s nack was not redelivered early.
    assert.equal((await rowOf(target, 'delayed'))!.state, 'RETRYABLE');
    assert.equal(seen.filter((s) => s.key === 'delayed').length, 1);
  });

  it('the lease of a running handler is extended: no second delivery while it runs past leaseMs', { timeout: 30_000 }, async () => {
    const app = await startPostgresApp(RowModule, { leaseMs: 300 });
    others.push(app);
    await firstValueFrom(app.client.emit('rows.manual', { key: 'long', steps: ['hold'], delayMs: 1500 }), { defaultValue: undefined });
    const running = await waitForRow(app, 'long', (row) => row.state === 'PROCESSING', 'row PROCESSING');
    const firstLease = running.lease_expires_at!.getTime();
    const renewed = await waitForRow(app, 'long', (row) => row.state === 'PROCESSING' && row.lease_expires_at!.getTime() > firstLease, 'lease extended');
    assert.ok(renewed.lease_expires_at!.getTime() - renewed.db_now.getTime() <= 300, 'renewed by leaseMs');
    const done = await waitForRow(app, 'long', (row) => row.state === 'COMPLETED', 'row COMPLETED');
    assert.equal(done.attempts, 1, 'never claimed a second time');
    assert.equal(seen.filter((s) => s.key === 'long').length, 1);
  });

  it('deleteOnAck deletes acked rows; deadLetter: false deletes rejected rows; retention deletes old settled rows', { timeout: 30_000 }, async () => {
    const deleting = await startPostgresApp(RowModule, { deleteOnAck: true, deadLetter: false });
    others.push(deleting);
    const emit = (app: PostgresTestApp, key: string, steps: Command['steps']) => firstValueFrom(app.client.emit('rows.manual', { key, steps }), { defaultValue: undefined });
    await emit(deleting, 'deleted-ack', ['ack']);
    await emit(deleting, 'deleted-reject', ['reject']);
    await waitFor(() => seen.some((s) => s.key === 'deleted-reject') && seen.some((s) => s.key === 'deleted-ack'));
    await waitFor(async () => (await testPool().query(`SELECT count(*)::int AS n FROM ${deleting.sql.messages}`)).rows[0].n === 0, { message: 'both rows deleted' });

    const retained = await startPostgresApp(RowModule, { retention: { completedMs: 0, failedMs: Infinity, intervalMs: 50 } });
    others.push(retained);
    await emit(retained, 'purged', ['ack']);
    await emit(retained, 'kept', ['reject']);
    await waitForRow(retained, 'kept', (row) => row.state === 'FAILED', 'rejected row FAILED');
    await waitFor(async () => (await rowOf(retained, 'purged')) === undefined && seen.some((s) => s.key === 'purged'), { message: 'COMPLETED row purged' });
    assert.equal((await rowOf(retained, 'kept'))!.state, 'FAILED', 'failedMs: Infinity keeps dead letters');
  });
});
