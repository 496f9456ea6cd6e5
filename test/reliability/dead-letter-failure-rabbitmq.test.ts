import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import type { RabbitAckContext } from '../../lib/rabbitmq';
import { deadLetterFields, peekQueue, queueDepth, withRabbit } from '../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { waitFor } from '../support/wait-for';

const deliveries: number[] = [];

@Controller()
class FailingController {
  @EventPattern('dlq.item')
  handle(@Ctx() context: RabbitAckContext) {
    deliveries.push(context.getDeliveryCount());
    throw new Error('always fails');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [FailingController] })
class FailingModule {}

describe('RabbitMQ dead-letter publish failure', () => {
  let target: RabbitTestApp;
  after(() => target?.close());

  it('the source is nacked, never acked, until the dead-letter queue takes it', { timeout: 60_000 }, async () => {
    target = await startRabbitApp(FailingModule, {
      defaultPolicy: 'REJECT_ON_ERROR',
      retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
    }, 'dlqfail');
    const dlq = `${target.queue}.dlq`;
    // The dead-letter exchange stays, but no queue is bound to it any more: the publish is returned.
    await withRabbit(async (model) => {
      const channel = await model.createChannel();
      await channel.deleteQueue(dlq);
      await channel.close();
    });
    await firstValueFrom(target.client.emit('dlq.item', {}), { defaultValue: undefined });
    await waitFor(() => deliveries.length >= 3, { timeoutMs: 20_000, message: 'redelivered after failed dead-letter publishes' });
    const depth = await queueDepth(target.queue);
    assert.equal((depth?.ready ?? 0) + (depth?.unacked ?? 0), 1, 'the source is still on the broker');

    await withRabbit(async (model) => {
      const channel = await model.createChannel();
      await channel.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      await channel.bindQueue(dlq, `${target.queue}.dlx`, target.queue);
      await channel.close();
    });
    const [entry] = (await waitFor(async () => {
      const entries = await peekQueue(dlq);
      return entries.length > 0 ? entries : undefined;
    }, { timeoutMs: 20_000, message: 'the dead letter once the queue is back' }))!;
    await waitFor(async () => {
      const d = await queueDepth(target.queue);
      return d?.ready === 0 && d.unacked === 0;
    }, { message: 'source acked after the confirmed dead-letter publish' });
    const dead = deadLetterFields(entry);
    assert.equal(dead.reason, 'handler-error');
    assert.equal(dead.deliveryCount, deliveries.at(-1));
    assert.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3...');
  });
});
