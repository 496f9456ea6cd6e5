import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { NatsAckClient, type NatsAckClientOptions } from '../../lib/nats';
import { deleteStreams, natsAdmin, NATS_URL, streamMessages, uniqueStream, type NatsAdmin } from '../support/nats-broker';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through the ClientProxy Nest injected; the app's close closes the client (ClientsModule's shutdown hook). */
async function emitThrough(clients: DynamicModule, subject: string, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let client: ClientProxy | undefined;
  try {
    client = app.get(OrdersPublisher).client;
    assert.ok(client instanceof NatsAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit(subject, data)); // resolves once the stream stored it (JetStream's publish ack)
  } finally {
    await app.close();
  }
  assert.equal(client.unwrap(), undefined, 'closing the app closed the client connection');
}

describe('NatsAckClient through ClientsModule', () => {
  let admin: NatsAdmin;
  const streams: string[] = [];

  /** A stream of its own capturing a fresh subject (the client provisions nothing: the server owns streams). */
  async function newSubject(): Promise<{ stream: string; subject: string }> {
    const stream = uniqueStream('CLIENTS_MODULE');
    const subject = `clients-module.${stream.toLowerCase()}`;
    streams.push(stream);
    await admin.jsm.streams.add({ name: stream, subjects: [subject] });
    return { stream, subject };
  }

  async function assertOnBroker(stream: string, subject: string, data: unknown): Promise<void> {
    const messages = await streamMessages(admin, stream, subject);
    assert.equal(messages.length, 1, 'one message stored on the subject');
    assert.deepEqual(JSON.parse(Buffer.from(messages[0].data).toString('utf8')), { pattern: subject, data });
  }

  before(async () => {
    admin = await natsAdmin();
  });
  after(async () => {
    await deleteStreams(admin, ...streams);
    await admin.nc.close();
  });

  it('register([{ name, customClass: NatsAckClient, options }]): an injected ClientProxy publishes to the stream', async () => {
    const { stream, subject } = await newSubject();
    const options: NatsAckClientOptions = { servers: NATS_URL };
    await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: NatsAckClient, options }]), subject, { id: 'o-1' });
    await assertOnBroker(stream, subject, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const { stream, subject } = await newSubject();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { servers: NATS_URL } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [config],
        inject: [ORDERS_CONFIG],
        useFactory: ({ servers }: { servers: string }) => ({ customClass: NatsAckClient, options: { servers, publishTimeoutMs: 5000 } satisfies NatsAckClientOptions }),
      },
    ]);
    await emitThrough(clients, subject, { id: 'o-2' });
    await assertOnBroker(stream, subject, { id: 'o-2' });
  });
});
