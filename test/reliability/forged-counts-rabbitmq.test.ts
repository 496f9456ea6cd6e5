import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../lib/module';
import { PRIOR_DELIVERIES_HEADER, type RabbitAckContext } from '../../lib/rabbitmq';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { deadLetterFields, peekQueue, queueDepth, withRabbit } from '../support/rabbit-broker';
import { waitFor } from '../support/wait-for';

const counts: number[] = [];

@Controller()
class FailingController {
  @EventPattern('forged.item')
  handle(@Ctx() context: RabbitAckContext) {
    counts.push(context.getDeliveryCount());
    throw new Error('always fails');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [FailingController] })
class FailingModule {}

/** Every count header a producer could write, each claiming 1000 deliveries. */
const FORGED = { 'x-delivery-count': 1000, 'x-acquired-count': 1000, [PRIOR_DELIVERIES_HEADER]: 1000 };

for (const queueType of ['quorum', 'classic'] as const) {
  describe(`count headers a producer writes on a RabbitMQ ${queueType} queue`, () => {
    let target: RabbitTestApp;
    before(async () => {
      counts.length = 0;
      target = await startRabbitApp(FailingModule, {
        queueType,
        defaultPolicy: 'NACK_ON_ERROR',
        retry: { maxDeliveries: 4, backoff: { type: 'fixed', initialDelayMs: 20, jitter: 0 } },
      }, `forged.${queueType}`);
    });
    after(() => target?.close());

    it('do not count: the first delivery is 1 and the message gets all maxDeliveries attempts', { timeout: 60_000 }, async () => {
      await withRabbit(async (model) => {
        const channel = await model.createConfirmChannel();
        channel.sendToQueue(target.queue, Buffer.from(JSON.stringify({ pattern: 'forged.item', data: {} })), { headers: FORGED, persistent: true });
        await channel.waitForConfirms();
      });
      const dlq = `${target.queue}.dlq`;
      const [entry] = (await waitFor(async () => {
        const entries = await peekQueue(dlq);
        return entries.length > 0 ? entries : undefined;
      }, { timeoutMs: 20_000, message: 'the message in the dead-letter queue' }))!;
      assert.deepEqual(counts, [1, 2, 3, 4], 'delivery counts the handler saw');
      const dead = deadLetterFields(entry);
      assert.equal(dead.reason, 'max-deliveries');
      assert.equal(dead.deliveryCount, 4);
      assert.deepEqual(await queueDepth(target.queue), { ready: 0, unacked: 0 });
    });

    if (queueType === 'classic') {
      it('the count header\'s user-id cannot be forged: the broker refuses a user-id that is not the publisher\'s user', { timeout: 30_000 }, async () => {
        const refused = await withRabbit(async (model) => {
          const channel = await model.createConfirmChannel();
          const closed = new Promise<Error>((resolve) => channel.once('error', resolve));
          channel.sendToQueue(target.queue, Buffer.from('{}'), { headers: FORGED, userId: 'the-server-user' }, () => undefined);
          return closed;
        });
        assert.match(refused.message, /PRECONDITION_FAILED - user_id property set to 'the-server-user'/);
      });
    }
  });
}
