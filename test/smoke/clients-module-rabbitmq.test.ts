import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { RabbitAckClient, type RabbitAckClientOptions } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { deleteRabbitTopology, peekQueue, RABBITMQ_URL, withRabbit } from '../support/rabbit-broker';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through the ClientProxy Nest injected; the app's close closes the client (ClientsModule's shutdown hook). */
async function emitThrough(clients: DynamicModule, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let client: ClientProxy | undefined;
  try {
    client = app.get(OrdersPublisher).client;
    assert.ok(client instanceof RabbitAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit('order.created', data)); // resolves once the broker confirmed it
  } finally {
    await app.close();
  }
  assert.equal(client.unwrap(), undefined, 'closing the app closed the client connection');
}

async function declareQueue(): Promise<string> {
  const queue = uniqueName('clients-module');
  queues.push(queue);
  await withRabbit(async (model) => {
    const channel = await model.createChannel();
    await channel.assertQueue(queue, { durable: true });
    await channel.close();
  });
  return queue;
}

async function assertOnBroker(queue: string, data: unknown): Promise<void> {
  const messages = await peekQueue(queue);
  assert.equal(messages.length, 1, 'one message on the queue');
  assert.deepEqual(JSON.parse(messages[0].content.toString('utf8')), { pattern: 'order.created', data });
  assert.equal(messages[0].properties.deliveryMode, 2, 'persistent by default');
}

const queues: string[] = [];

describe('RabbitAckClient through ClientsModule', () => {
  after(async () => {
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  it('register([{ name, customClass: RabbitAckClient, options }]): an injected ClientProxy publishes to the queue', async () => {
    const queue = await declareQueue();
    const options: RabbitAckClientOptions = { urls: RABBITMQ_URL, queue };
    await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: RabbitAckClient, options }]), { id: 'o-1' });
    await assertOnBroker(queue, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const queue = await declareQueue();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { queue } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [config],
        inject: [ORDERS_CONFIG],
        useFactory: ({ queue }: { queue: string }) => ({ customClass: RabbitAckClient, options: { urls: RABBITMQ_URL, queue } satisfies RabbitAckClientOptions }),
      },
    ]);
    await emitThrough(clients, { id: 'o-2' });
    await assertOnBroker(queue, { id: 'o-2' });
  });
});
