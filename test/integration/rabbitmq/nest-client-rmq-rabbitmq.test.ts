import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { ClientRMQ, Ctx, EventPattern, MessagePattern, Payload, RmqRecordBuilder } from '@nestjs/microservices';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import type { RabbitAckContext } from '../../../lib/rabbitmq';
import { queueDepth, RABBITMQ_URL } from '../../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../../support/rabbit-app';
import { waitFor } from '../../support/wait-for';

const events: Array<{ data: unknown; headers: Record<string, string>; deliveryCount: number }> = [];

@Controller()
class MigratedController {
  @EventPattern('orders.created')
  created(@Payload() data: unknown, @Ctx() context: RabbitAckContext) {
    events.push({ data, headers: context.getHeaders(), deliveryCount: context.getDeliveryCount() });
  }

  @MessagePattern('orders.total')
  total(@Payload() lines: number[]) {
    return lines.reduce((sum, n) => sum + n, 0);
  }

  @MessagePattern('orders.fail')
  fail() {
    throw new Error('cannot total this order');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [MigratedController] })
class MigratedModule {}

/**
 * Producers keep Nest's own ClientRMQ; only the consumer moves to
 * RabbitAckServer.
 */
// Nest's ClientRMQ loads amqp-connection-manager at run time: it is a devDependency, so this never skips.
describe("Nest's own ClientRMQ talking to RabbitAckServer", () => {
  let target: RabbitTestApp;
  let client: ClientRMQ;

  before(async () => {
    target = await startRabbitApp(MigratedModule, {}, 'clientrmq');
    // noAssert: the queue is ours (quorum, with a dead-letter exchange); ClientRMQ's own
    // declaration without those arguments would be refused by the broker (406).
    client = new ClientRMQ({ urls: [RABBITMQ_URL], queue: target.queue, noAssert: true, persistent: true });
    await client.connect();
  });
  after(async () => {
    await client?.close();
    await target?.close();
  });

  it('emit(): handled and acked', { timeout: 30_000 }, async () => {
    const record = new RmqRecordBuilder({ orderId: 7 }).setOptions({ headers: { tenant: 'acme' } }).build();
    await lastValueFrom(client.emit('orders.created', record), { defaultValue: undefined });
    await waitFor(() => events.length === 1, { message: 'the event handled' });
    assert.deepEqual(events[0].data, { orderId: 7 });
    assert.equal(events[0].headers.tenant, 'acme');
    assert.equal(events[0].deliveryCount, 1);
    await waitFor(async () => {
      const depth = await queueDepth(target.queue);
      return depth?.ready === 0 && depth.unacked === 0;
    }, { message: 'queue depth 0' });
  });

  it('send(): the reply comes back through direct reply-to', { timeout: 30_000 }, async () => {
    assert.equal(await firstValueFrom(client.send('orders.total', [1, 2, 39])), 42);
  });

  it('send() to a failing handler: the error reply reaches the caller, the message is dead-lettered', { timeout: 30_000 }, async () => {
    // What Nest's own transports reply for a plain Error (only an RpcException's message is passed on).
    await assert.rejects(firstValueFrom(client.send('orders.fail', {})), (error: unknown) => {
      assert.deepEqual(error, { status: 'error', message: 'Internal server error' });
      return true;
    });
    await waitFor(async () => (await queueDepth(`${target.queue}.dlq`))?.ready === 1, { message: 'one dead letter' });
  });
});
