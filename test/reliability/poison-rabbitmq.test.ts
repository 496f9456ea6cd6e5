import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { DeadLetterHeaders } from '../../lib/core';
import { AckModule } from '../../lib/module';
import type { RabbitAckContext } from '../../lib/rabbitmq';
import { deadLetterFields, peekQueue, queueDepth } from '../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { waitFor } from '../support/wait-for';

const seen = { processed: new Set<number>(), poisonCounts: [] as number[] };

@Controller()
class WorkController {
  @EventPattern('work.item')
  handle(@Payload() item: { id: number; poison?: boolean }, @Ctx() context: RabbitAckContext) {
    if (item.poison) {
      seen.poisonCounts.push(context.getDeliveryCount());
      throw new Error('poison pill cannot be processed');
    }
    seen.processed.add(item.id);
  }
}

// AckModule keeps the original error for the dead letter (Nest's default filter would erase it).
@Module({ imports: [AckModule.forRoot()], controllers: [WorkController] })
class PoisonModule {}

for (const queueType of ['quorum', 'classic'] as const) {
  describe(`a poison message on RabbitMQ (${queueType} queue)`, () => {
    let target: RabbitTestApp;

    before(async () => {
      seen.processed.clear();
      seen.poisonCounts.length = 0;
      target = await startRabbitApp(PoisonModule, {
        queueType,
        defaultPolicy: 'NACK_ON_ERROR',
        retry: { maxDeliveries: 4, backoff: { type: 'fixed', initialDelayMs: 30, jitter: 0 } },
        concurrency: 10,
      }, `poison.${queueType}`);
    });
    after(() => target?.close());

    it('is delivered exactly 4 times, then sits in <queue>.dlq while 99 others are processed', { timeout: 60_000 }, async () => {
      const poisonId = 50;
      for (let id = 1; id <= 100; id++) {
        await firstValueFrom(target.client.emit('work.item', { id, poison: id === poisonId }), { defaultValue: undefined });
      }
      const dlq = `${target.queue}.dlq`;
      const [entry] = (await waitFor(async () => {
        const entries = await peekQueue(dlq);
        return entries.length > 0 ? entries : undefined;
      }, { timeoutMs: 30_000, message: 'the poison message in the dead-letter queue' }))!;
      await waitFor(() => seen.processed.size === 99, { timeoutMs: 30_000, message: '99 messages processed' });
      await waitFor(async () => {
        const depth = await queueDepth(target.queue);
        return depth?.ready === 0 && depth.unacked === 0;
      }, { timeoutMs: 20_000, message: 'queue depth 0 (ready and unacked)' });

      assert.deepEqual(seen.poisonCounts, [1, 2, 3, 4], 'delivery counts the handler saw');
      assert.equal(seen.processed.has(poisonId), false);
      assert.equal((await peekQueue(dlq)).length, 1, 'exactly one dead letter');
      const dead = deadLetterFields(entry);
      assert.deepEqual(JSON.parse(dead.body.toString('utf8')).data, { id: poisonId, poison: true }, 'the original body');
      assert.equal(dead.reason, 'max-deliveries');
      assert.equal(dead.errorName, 'Error');
      assert.equal(dead.errorMessage, 'poison pill cannot be processed');
      assert.equal(dead.deliveryCount, 4);
      assert.equal(dead.source.queue, target.queue);
      assert.ok(dead.firstFailureAt && dead.lastFailureAt && dead.firstFailureAt < dead.lastFailureAt, 'first failure before last failure');
      assert.equal(dead.headers[DeadLetterHeaders.REASON], 'max-deliveries');
      assert.equal(entry.properties.messageId !== undefined, true, 'the client\'s message id travels with it');
    });
  });
}
