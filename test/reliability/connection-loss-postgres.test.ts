import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { endTestPool, POSTGRES_URL, statesOf, testPool } from '../support/postgres-broker';
import { startPostgresApp, type PostgresTestApp } from '../support/postgres-app';
import { waitFor } from '../support/wait-for';

const handled: number[] = [];

@Controller()
class LossController {
  @EventPattern('loss.item')
  handle(@Payload() item: { n: number }) {
    handled.push(item.n);
  }
}

@Module({ controllers: [LossController] })
class LossModule {}

/** Terminates the server's connections (the LISTEN one, or all of them) from outside, as a failover or an admin would. */
async function terminate(target: PostgresTestApp, which: 'listen' | 'all'): Promise<number> {
  const condition = which === 'listen' ? `query = 'LISTEN "' || $1 || '"'` : `application_name = $1`;
  const { rows } = await testPool().query(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND ${condition}`, [which === 'listen' ? target.sql.channel : APP_NAME]);
  return rows.length;
}

const APP_NAME = 'nestjs-ack-loss-test';

describe('PostgreSQL connections lost', () => {
  let target: PostgresTestApp;
  after(async () => {
    await target?.close();
    await endTestPool();
  });

  it('the LISTEN connection comes back; a database-wide disconnect is survived; nothing is lost', { timeout: 60_000 }, async () => {
    target = await startPostgresApp(LossModule, {
      connection: { connectionString: POSTGRES_URL, application_name: APP_NAME },
      pollIntervalMs: 100,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    const events: string[] = [];
    for (const name of ['connected', 'disconnected', 'reconnecting'] as const) target.server.on(name, () => events.push(name));
    const emit = (n: number) => firstValueFrom(target.client.emit('loss.item', { n }), { defaultValue: undefined });

    await emit(1);
    await waitFor(() => handled.includes(1));
    assert.equal(await terminate(target, 'listen'), 1, 'one LISTEN connection terminated');
    await waitFor(() => events.includes('connected'), { message: 'LISTEN reconnected' });
    assert.deepEqual(events.slice(0, 2), ['disconnected', 'reconnecting']);
    await emit(2);
    await waitFor(() => handled.includes(2), { message: 'delivered after the LISTEN reconnect' });

    events.length = 0;
    assert.ok((await terminate(target, 'all')) >= 1);
    await emit(3);
    await emit(4);
    await waitFor(() => handled.includes(3) && handled.includes(4), { message: 'delivered after every connection was cut' });
    await waitFor(() => events.includes('connected'), { message: 'LISTEN reconnected again' });
    await waitFor(async () => JSON.stringify(await statesOf(target.table)) === JSON.stringify({ COMPLETED: 4 }), { message: 'all 4 rows COMPLETED' });
    assert.deepEqual([...new Set(handled)].sort(), [1, 2, 3, 4]);
  });
});
