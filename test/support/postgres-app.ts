import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PostgresAckClient, PostgresAckServer, PostgresSql, type PostgresAckServerOptions } from '../../lib/postgres';
import { dropTables, POSTGRES_URL, uniqueTable } from './postgres-broker';
import { testLogLevels } from '../conformance/adapters/rabbitmq';

/** A Nest app on a fresh table, a client publishing to it, and the table's statements for plain-SQL assertions. */
export interface PostgresTestApp {
  app: INestMicroservice;
  server: PostgresAckServer;
  client: PostgresAckClient;
  table: string;
  queue: string;
  sql: PostgresSql;
  /** Closes app and client and drops the tables. */
  close(): Promise<void>;
}

export async function startPostgresApp(module: Type<unknown>, options: Partial<PostgresAckServerOptions> = {}, prefix = 'rel'): Promise<PostgresTestApp> {
  const table = options.table ?? uniqueTable(prefix);
  const queue = options.queue ?? 'default';
  const connection = { table, queue, createSchema: true };
  const server = new PostgresAckServer({ connection: POSTGRES_URL, pollIntervalMs: 200, ...options, ...connection });
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: testLogLevels });
  const client = new PostgresAckClient({ connection: POSTGRES_URL, ...connection });
  const close = async () => {
    await app.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    await dropTables(table).catch(() => undefined);
  };
  try {
    await app.listen();
    await client.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { app, server, client, table, queue, sql: new PostgresSql({ schema: 'public', table }), close };
}
