import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { PostgresAckClient, PostgresSql, type PostgresAckClientOptions } from '../../lib/postgres';
import { createPostgresSchema } from '../../lib/postgres/postgres-schema';
import { dropTables, endTestPool, POSTGRES_URL, testPool, uniqueTable } from '../support/postgres-broker';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through the ClientProxy Nest injected; the app's close closes the client (its own pool ends). */
async function emitThrough(clients: DynamicModule, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let client: ClientProxy | undefined;
  try {
    client = app.get(OrdersPublisher).client;
    assert.ok(client instanceof PostgresAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit('order.created', data)); // resolves once the row is inserted
  } finally {
    await app.close();
  }
  assert.equal(client.unwrap(), undefined, 'closing the app closed the client pool');
}

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
    await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: PostgresAckClient, options }]), { id: 'o-1' });
    await assertOnBroker(table, 'orders', { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const table = await newTable();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { url: POSTGRES_URL, table } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [config],
        inject: [ORDERS_CONFIG],
        useFactory: ({ url, table }: { url: string; table: string }) => ({ customClass: PostgresAckClient, options: { connection: url, table, queue: 'billing' } satisfies PostgresAckClientOptions }),
      },
    ]);
    await emitThrough(clients, { id: 'o-2' });
    await assertOnBroker(table, 'billing', { id: 'o-2' });
  });
});
