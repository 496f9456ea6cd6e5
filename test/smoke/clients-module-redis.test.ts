import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ClientsModule } from '@nestjs/microservices';
import { RedisAckClient, RedisFields, type RedisAckClientOptions } from '../../lib/redis';
import { emitThroughClientsModule, ORDERS, ordersConfig } from '../support/clients-module';
import { brokerUrls } from '../support/broker-urls';
import { uniqueName } from '../support/names';
import { closeRedisAdmin, deleteKeys, redisAdmin } from '../support/redis-broker';

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
    await emitThroughClientsModule(ClientsModule.register([{ name: ORDERS, customClass: RedisAckClient, options }]), RedisAckClient, stream, { id: 'o-1' });
    await assertOnBroker(stream, { id: 'o-1' });
  });

  it('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
    const stream = newStream();
    const clients = ClientsModule.registerAsync([
      {
        name: ORDERS,
        imports: [ordersConfig({ url: brokerUrls.redis })],
        inject: ['ORDERS_CONFIG'],
        useFactory: ({ url }: { url: string }) => ({ customClass: RedisAckClient, options: { connection: url, maxLen: 1000 } satisfies RedisAckClientOptions }),
      },
    ]);
    await emitThroughClientsModule(clients, RedisAckClient, stream, { id: 'o-2' });
    await assertOnBroker(stream, { id: 'o-2' });
  });
});
