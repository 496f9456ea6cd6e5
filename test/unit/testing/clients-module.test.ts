import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { InMemoryAckClient, InMemoryBroker, type InMemoryAckClientOptions, type StoredMessage } from '../../../lib/testing';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through a ClientProxy Nest injected, and returns what the queue received. */
async function emitThrough(clients: DynamicModule, broker: InMemoryBroker, queue: string, extraImports: DynamicModule[] = []): Promise<StoredMessage[]> {
  @Module({ imports: [clients, ...extraImports], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const { client } = app.get(OrdersPublisher);
    assert.ok(client instanceof InMemoryAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit('order.created', { id: 'o-1' }));
  } finally {
    await app.close();
  }
  const received: StoredMessage[] = [];
  broker.consume(queue, (message) => received.push(message));
  return received;
}

describe('InMemoryAckClient through ClientsModule', () => {
  it('register([{ name, customClass, options }]) injects a working ClientProxy', async () => {
    const broker = new InMemoryBroker();
    const options: InMemoryAckClientOptions = { broker, queue: 'orders' };
    const received = await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: InMemoryAckClient, options }]), broker, 'orders');
    assert.equal(received.length, 1);
    assert.deepEqual(JSON.parse(received[0].body.toString('utf8')), { pattern: 'order.created', data: { id: 'o-1' } });
  });

  it('registerAsync([{ name, useFactory, inject }]) takes its options from a provider', async () => {
    const broker = new InMemoryBroker();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { broker, queue: 'orders-async' } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      { name: ORDERS, imports: [config], inject: [ORDERS_CONFIG], useFactory: (options: InMemoryAckClientOptions) => ({ customClass: InMemoryAckClient, options }) },
    ]);
    const received = await emitThrough(clients, broker, 'orders-async');
    assert.equal(received.length, 1);
    assert.deepEqual(JSON.parse(received[0].body.toString('utf8')).data, { id: 'o-1' });
  });
});
