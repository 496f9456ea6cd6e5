import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { KafkaAckClient, type KafkaAckClientOptions } from '../../lib/kafka';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, KAFKA_BROKERS, readTopic } from '../support/kafka-broker';
import { uniqueName } from '../support/names';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';
const LOG_LEVEL = process.env.TEST_LOG ? logLevel.WARN : logLevel.NOTHING;

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through the ClientProxy Nest injected (the pattern is the topic); the app's close closes the client. */
async function emitThrough(clients: DynamicModule, topic: string, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const { client } = app.get(OrdersPublisher);
    assert.ok(client instanceof KafkaAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit(topic, data)); // resolves once the broker stored it (acks=-1)
  } finally {
    await app.close();
  }
}

async function newTopic(): Promise<string> {
  const topic = uniqueName('clients-module');
  topics.push(topic);
  await createTopic(topic);
  return topic;
}

async function assertOnBroker(topic: string, data: unknown): Promise<void> {
  const records = await readTopic(topic);
  assert.equal(records.length, 1, 'one record on the topic');
  assert.deepEqual(JSON.parse(records[0].value!.toString('utf8')), data);
}

const topics: string[] = [];

describe('KafkaAckClient through ClientsModule', () => {
  after(async () => {
    await deleteTopicsAndGroups(topics);
    await closeSharedAdmin();
  });

  it('register([{ name, customClass: KafkaAckClient, options }]): an injected ClientProxy produces to the topic', async () => {
    const topic = await newTopic();
    const options: KafkaAckClientOptions = { brokers: KAFKA_BROKERS, clientId: 'clients-module-test', logLevel: LOG_LEVEL };
    await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: KafkaAckClient, options }]), topic, { id: 'o-1' });
    await assertOnBroker(topic, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const topic = await newTopic();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { brokers: KAFKA_BROKERS } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [config],
        inject: [ORDERS_CONFIG],
        useFactory: ({ brokers }: { brokers: string[] }) => ({
          customClass: KafkaAckClient,
          options: { brokers, clientId: 'clients-module-test', logLevel: LOG_LEVEL } satisfies KafkaAckClientOptions,
        }),
      },
    ]);
    await emitThrough(clients, topic, { id: 'o-2' });
    await assertOnBroker(topic, { id: 'o-2' });
  });
});
