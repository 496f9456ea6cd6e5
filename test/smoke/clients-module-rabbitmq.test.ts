import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ClientsModule } from '@nestjs/microservices';
import { RabbitAckClient, type RabbitAckClientOptions } from '../../lib/rabbitmq';
import { emitThroughClientsModule, ORDERS, ordersConfig } from '../support/clients-module';
import { uniqueName } from '../support/names';
import { deleteRabbitTopology, peekQueue, RABBITMQ_URL, withRabbit } from '../support/rabbit-broker';

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
    await emitThroughClientsModule(ClientsModule.register([{ name: ORDERS, customClass: RabbitAckClient, options }]), RabbitAckClient, 'order.created', { id: 'o-1' });
    await assertOnBroker(queue, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const queue = await declareQueue();
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [ordersConfig({ queue })],
        inject: ['ORDERS_CONFIG'],
        useFactory: ({ queue }: { queue: string }) => ({ customClass: RabbitAckClient, options: { urls: RABBITMQ_URL, queue } satisfies RabbitAckClientOptions }),
      },
    ]);
    await emitThroughClientsModule(clients, RabbitAckClient, 'order.created', { id: 'o-2' });
    await assertOnBroker(queue, { id: 'o-2' });
  });
});
