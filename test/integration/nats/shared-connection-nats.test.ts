import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import { NatsAckClient, NatsAckServer } from '../../../lib/nats';
import { consumerInfo, deleteStreams, natsAdmin, outstandingOf, uniqueStream, type NatsAdmin } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { testLogLevels } from '../../conformance/adapters/rabbitmq';
import { waitFor } from '../../support/wait-for';

const SUBJECT = uniqueName('shared');
const received: number[] = [];

@Controller()
class SharedController {
  @EventPattern(SUBJECT)
  handle(@Payload() item: { n: number }) {
    received.push(item.n);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [SharedController] })
class SharedModule {}

describe('NatsAckServer and NatsAckClient on an existing connection', () => {
  let admin: NatsAdmin;
  const stream = uniqueStream('shared');
  before(async () => (admin = await natsAdmin()));
  after(async () => {
    await deleteStreams(admin, stream, `${stream}_DLQ`);
    await admin.nc.close();
  });

  it('consume and publish on it, and leave it open at close', { timeout: 30_000 }, async () => {
    const server = new NatsAckServer({ connection: admin.nc, stream, ensureStream: true });
    const client = new NatsAckClient({ connection: admin.nc });
    const app = await NestFactory.createMicroservice(SharedModule, { strategy: server, logger: testLogLevels });
    await app.listen();
    try {
      assert.equal(server.unwrap(), admin.nc);
      await firstValueFrom(client.emit(SUBJECT, { n: 1 }), { defaultValue: undefined });
      await waitFor(() => received.length === 1, { message: 'handled' });
      await waitFor(async () => outstandingOf(await consumerInfo(admin, stream, 'nestjs-ack')) === 0, { message: 'acked' });
    } finally {
      await app.close();
      await client.close();
    }
    assert.equal(admin.nc.isClosed(), false, 'the connection stays open for its owner');
    await admin.nc.flush();
  });
});
