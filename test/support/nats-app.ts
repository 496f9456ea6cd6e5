import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NatsAckClient, NatsAckServer, type NatsAckServerOptions } from '../../lib/nats';
import { deleteStreams, NATS_URL, natsAdmin, uniqueStream, type NatsAdmin } from './nats-broker';
import { testLogLevels } from '../conformance/adapters/rabbitmq';

/** A Nest app on a fresh stream, a client publishing to it, an admin connection, and what the server reported. */
export interface NatsTestApp {
  app: INestMicroservice;
  server: NatsAckServer;
  client: NatsAckClient;
  admin: NatsAdmin;
  stream: string;
  deadLetterStream: string;
  deadLetterPrefix: string;
  /** Status events in order (`connected`, `disconnected`, `reconnecting`). */
  events: string[];
  /** Closes app, client and admin connection and deletes both streams. */
  close(): Promise<void>;
}

/** Starts `module` on a new stream (created by the server: `ensureStream`) consuming the handlers' patterns. */
export async function startNatsApp(module: Type<unknown>, options: Partial<NatsAckServerOptions> = {}, prefix = 'reliability'): Promise<NatsTestApp> {
  const stream = options.stream ?? uniqueStream(prefix);
  const server = new NatsAckServer({ servers: NATS_URL, ensureStream: true, connectionOptions: { reconnectTimeWait: 200 }, ...options, stream });
  const events: string[] = [];
  for (const name of ['connected', 'disconnected', 'reconnecting'] as const) server.on(name, () => events.push(name));
  const dead = server.brokerSettings.deadLetter || { stream: `${stream}_DLQ`, subjectPrefix: `dead-letter.${stream}` };
  const admin = await natsAdmin();
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger: testLogLevels });
  const client = new NatsAckClient({ servers: NATS_URL, publishTimeoutMs: 60_000, connectionOptions: { reconnectTimeWait: 200 } });
  const close = async () => {
    await app.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    await deleteStreams(admin, stream, dead.stream);
    await admin.nc.close().catch(() => undefined);
  };
  try {
    await app.listen();
    await client.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { app, server, client, admin, stream, deadLetterStream: dead.stream, deadLetterPrefix: dead.subjectPrefix, events, close };
}
