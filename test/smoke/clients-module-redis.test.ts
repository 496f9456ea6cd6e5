import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxy, ClientsModule } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { RedisAckClient, RedisFields, type RedisAckClientOptions } from '../../lib/redis';
import { brokerUrls } from '../support/broker-urls';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, deleteKeys, redisAdmin } from '../support/redis-broker';

const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';

@Injectable()
class OrdersPublisher {
  constructor(@Inject(ORDERS) readonly client: ClientProxy) {}
}

/** Emits through the ClientProxy Nest injected (the pattern is the stream); the app's close closes the client. */
async function emitThrough(clients: DynamicModule, stream: string, data: unknown): Promise<void> {
  @Module({ imports: [clients], providers: [OrdersPublisher] })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  let client: ClientProxy | undefined;
  try {
    client = app.get(OrdersPublisher).client;
    assert.ok(client instanceof RedisAckClient, 'Nest built the custom class');
    await lastValueFrom(client.emit(stream, data)); // resolves once XADD returned
  } finally {
    await app.close();
  }
  assert.equal(client.unwrap(), undefined, 'closing the app closed the client connection');
}

function newStream(): string {
  const stream = uniqueName('clients-module');
  streams.push(stream);
  return stream;
}

async function assertOnBroker(stream: string, data: unknown): Promise<void> {
  const entries = await redisAdmin().xrange(stream, '-', '+');
  assert.equal(entries.length, 1, 'one entry on the stream');
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < entries[0][1].length; i += 2) fields.set(entries[0][1][i], entries[0][1][i + 1]);
  assert.deepEqual(JSON.parse(fields.get(RedisFields.BODY) ?? ''), { pattern: stream, data });
}

const streams: string[] = [];

describe('RedisAckClient through ClientsModule', () => {
  after(async () => {
    await deleteKeys(streams);
    await closeRedisAdmin();
  });

  it('register([{ name, customClass: RedisAckClient, options }]): an injected ClientProxy adds to the stream', async () => {
    const stream = newStream();
    const options: RedisAckClientOptions = { connection: brokerUrls.redis };
    await emitThrough(ClientsModule.register([{ name: ORDERS, customClass: RedisAckClient, options }]), stream, { id: 'o-1' });
    await assertOnBroker(stream, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const stream = newStream();
    const config: DynamicModule = { module: class ConfigModule {}, providers: [{ provide: ORDERS_CONFIG, useValue: { url: brokerUrls.redis } }], exports: [ORDERS_CONFIG] };
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [config],
        inject: [ORDERS_CONFIG],
        useFactory: ({ url }: { url: string }) => ({ customClass: RedisAckClient, options: { connection: url, maxLen: 1000 } satisfies RedisAckClientOptions }),
      },
    ]);
    await emitThrough(clients, stream, { id: 'o-2' });
    await assertOnBroker(stream, { id: 'o-2' });
  });
});
