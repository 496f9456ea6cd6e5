import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RabbitAckClient, RabbitAckServer, type RabbitAckServerOptions } from '../../lib/rabbitmq';
import { uniqueName } from './names';
import { deleteRabbitTopology, RABBITMQ_URL } from './rabbit-broker';
import { testLogLevels } from '../conformance/adapters/rabbitmq';

/** A Nest app on a fresh queue, a client publishing to it, and what the server reported. */
export interface RabbitTestApp {
  app: INestMicroservice;
  server: RabbitAckServer;
  client: RabbitAckClient;
  queue: string;
  /** Status events in order (`connected`, `disconnected`, `reconnecting`). */
  events: string[];
  /** Closes app and client and deletes the queue, its `.dlq` and `.dlx`. */
  close(): Promise<void>;
}

export async function startRabbitApp(module: Type<unknown>, options: Partial<RabbitAckServerOptions> = {}, prefix = 'reliability'): Promise<RabbitTestApp> {
  const queue = options.queue ?? uniqueName(prefix);
  const server = new RabbitAckServer({ urls: RABBITMQ_URL, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 }, ...options, queue });
  const events: string[] = [];
  for (const name of ['connected', 'disconnected', 'reconnecting'] as const) server.on(name, () => events.push(name));
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: testLogLevels });
  const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue, publishTimeoutMs: 60_000, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
  const close = async () => {
    await app.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    await deleteRabbitTopology(queue).catch(() => undefined);
  };
  try {
    await app.listen();
    await client.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { app, server, client, queue, events, close };
}
