import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ClientsModule } from '@nestjs/microservices';
import { PostgresAckClient, PostgresSql, type PostgresAckClientOptions } from '../../lib/postgres';
import { emitThroughClientsModule, ORDERS, ordersConfig } from '../support/clients-module';
import { createPostgresSchema } from '../../lib/postgres/postgres-schema';
import { dropTables, endTestPool, POSTGRES_URL, testPool, uniqueTable } from '../support/postgres-broker';

/** A message table of its own, as `createSchema: true` (or schema.sql) would make it. */
async function newTable(): Promise<string> {
  const table = uniqueTable('clients_module');
  tables.push(table);
  await createPostgresSchema(testPool(), new PostgresSql({ schema: 'public', table }));
  return table;
}

async function assertOnBroker(table: string, queue: string, data: unknown): Promise<void> {
  const sql = new PostgresSql({ schema: 'public', table });
  const { rows } = await testPool().query<{ queue: string; pattern: string; state: string; body: Buffer }>(`SELECT queue, pattern, state, body FROM ${sql.messages}`);
  assert.equal(rows.length, 1, 'one row in the table');
  assert.deepEqual({ queue: rows[0].queue, pattern: rows[0].pattern, state: rows[0].state }, { queue, pattern: 'order.created', state: 'PENDING' });
  assert.deepEqual(JSON.parse(rows[0].body.toString('utf8')), { pattern: 'order.created', data });
}

const tables: string[] = [];

describe('PostgresAckClient through ClientsModule', () => {
  after(async () => {
    for (const table of tables) await dropTables(table);
    await endTestPool();
  });

  it('register([{ name, customClass: PostgresAckClient, options }]): an injected ClientProxy inserts a row', async () => {
    const table = await newTable();
    const options: PostgresAckClientOptions = { connection: POSTGRES_URL, table, queue: 'orders' };
    await emitThroughClientsModule(ClientsModule.register([{ name: ORDERS, customClass: PostgresAckClient, options }]), PostgresAckClient, 'order.created', { id: 'o-1' });
    await assertOnBroker(table, 'orders', { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const table = await newTable();
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [ordersConfig({ url: POSTGRES_URL, table })],
        inject: ['ORDERS_CONFIG'],
        useFactory: ({ url, table }: { url: string; table: string }) => ({ customClass: PostgresAckClient, options: { connection: url, table, queue: 'billing' } satisfies PostgresAckClientOptions }),
      },
    ]);
    await emitThroughClientsModule(clients, PostgresAckClient, 'order.created', { id: 'o-2' });
    await assertOnBroker(table, 'billing', { id: 'o-2' });
  });
});
