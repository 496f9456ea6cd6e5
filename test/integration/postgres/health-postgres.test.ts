import 'reflect-metadata';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import { PostgresAckClient, PostgresAckServer } from '../../../lib/postgres';
import { downThenUp, HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { dropTables, endTestPool, POSTGRES_URL, statesOf, uniqueTable } from '../../support/postgres-broker';
import { PrivateServer } from '../../support/private-server';
import { waitFor } from '../../support/wait-for';

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
    await waitFor(async () => JSON.stringify(await statesOf(table)) === JSON.stringify({ COMPLETED: 5 }), { timeoutMs: 20_000, message: 'all 5 COMPLETED once the handler is released' });
    assert.equal((await health.check()).details[HEALTH_KEY]?.backlog, 0);
  });
});

/** A PostgreSQL server program: Debian keeps them in /usr/lib/postgresql/<version>/bin, off the PATH. */
function postgresProgram(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((version) => join(root, version, 'bin', name)).find((path) => existsSync(path)) ?? name;
}

describe('AckHealthIndicator on PostgreSQL (private server, stopped and restarted)', { timeout: 120_000 }, () => {
  const port = 24861;
  const dataDir = mkdtempSync(join(tmpdir(), 'nestjs-ack-health-pg-'));
  const postgresUser = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  // -k: the socket in the data folder, so no other server's socket folder is touched.
  const postgres = new PrivateServer(postgresProgram('postgres'), ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], port, postgresUser);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let health: HealthApp;

  before(async () => {
    chownSync(dataDir, postgresUser.uid, postgresUser.gid);
    execFileSync(postgresProgram('initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...postgresUser, stdio: 'ignore' });
    await postgres.start();
    const server = new PostgresAckServer({ connection: url, table: 'health_messages', queue: 'orders', createSchema: true, pollIntervalMs: 200, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } });
    health = await startHealthApp(server, ['order.created']);
  });

  after(async () => {
    await health?.close().catch(() => undefined);
    await postgres.kill('SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports down within 5 s of the server stop, and up after it returns', async () => {
    // SIGQUIT: immediate shutdown, every backend ends at once (as in a crash).
    const { up } = await downThenUp(health, { label: 'PostgreSQL', stop: () => postgres.kill('SIGQUIT'), start: () => postgres.start() });
    // Up as soon as the pool answers: claims work (by polling) while the LISTEN connection still reconnects.
    assert.ok(['reconnecting', 'connected'].includes(up.details[HEALTH_KEY].state), `state ${up.details[HEALTH_KEY].state}`);
    const listening = await waitFor(async () => {
      const a = await health.check();
      return a.details[HEALTH_KEY].state === 'connected' ? a : false;
    }, { timeoutMs: 30_000, message: 'the LISTEN connection back' });
    if (!listening) throw new Error('unreachable');
    assert.deepEqual(listening.details[HEALTH_KEY], {
      status: 'up',
      transport: 'postgres',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 0,
      table: 'public.health_messages',
      queue: 'orders',
      ready: 0,
    });
  });
});
