import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import { PostgresAckClient, PostgresAckServer } from '../../lib/postgres';
import { HEALTH_KEY, startHealthApp, type HealthApp } from '../support/health-app';
import { dropTables, endTestPool, POSTGRES_URL, statesOf, uniqueTable } from '../support/postgres-broker';
import { waitFor } from '../support/wait-for';

describe('AckHealthIndicator on PostgreSQL (shared server)', { timeout: 60_000 }, () => {
  const table = uniqueTable('health');
  const queue = 'orders';
  let health: HealthApp;
  let client: PostgresAckClient;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  before(async () => {
    const server = new PostgresAckServer({ connection: POSTGRES_URL, table, queue, createSchema: true, concurrency: 1, batchSize: 1, pollIntervalMs: 200 });
    health = await startHealthApp(server, ['order.created'], { handler: () => gate });
    client = new PostgresAckClient({ connection: POSTGRES_URL, table, queue });
    await client.connect();
  });

  after(async () => {
    release();
    await health?.close().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await dropTables(table).catch(() => undefined);
    await endTestPool();
  });

  it('reports up with the claimable rows the table holds', async () => {
    for (let i = 0; i < 5; i++) await lastValueFrom(client.emit('order.created', { i }));
    // The handler holds the one claimed row (batchSize 1, concurrency 1): the other four wait as PENDING.
    await waitFor(async () => JSON.stringify(await statesOf(table)) === JSON.stringify({ PENDING: 4, PROCESSING: 1 }), { timeoutMs: 20_000, message: '4 PENDING and 1 PROCESSING' });
    const answer = await health.check();
    assert.equal(answer.status, 'ok');
    assert.deepEqual(answer.details[HEALTH_KEY], {
      status: 'up',
      transport: 'postgres',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 4,
      table: `public.${table}`,
      queue,
      ready: 4,
    });
    release();
    await waitFor(async () => (await health.check()).details[HEALTH_KEY]?.backlog === 0, { timeoutMs: 20_000, message: 'nothing claimable once the handler is released' });
    assert.deepEqual(await statesOf(table), { COMPLETED: 5 });
  });
});
