import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClientsModule } from '@nestjs/microservices';
import { NatsAckClient, type NatsAckClientOptions } from '../../lib/nats';
import { emitThroughClientsModule, ORDERS, ordersConfig } from '../support/clients-module';
import { deleteStreams, natsAdmin, NATS_URL, streamMessages, uniqueStream, type NatsAdmin } from '../support/nats-broker';

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
    await emitThroughClientsModule(ClientsModule.register([{ name: ORDERS, customClass: NatsAckClient, options }]), NatsAckClient, subject, { id: 'o-1' });
    await assertOnBroker(stream, subject, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const { stream, subject } = await newSubject();
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [ordersConfig({ servers: NATS_URL })],
        inject: ['ORDERS_CONFIG'],
        useFactory: ({ servers }: { servers: string }) => ({ customClass: NatsAckClient, options: { servers, publishTimeoutMs: 5000 } satisfies NatsAckClientOptions }),
      },
    ]);
    await emitThroughClientsModule(clients, NatsAckClient, subject, { id: 'o-2' });
    await assertOnBroker(stream, subject, { id: 'o-2' });
  });
});
