import 'reflect-metadata';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy } from '../../lib/core';
import { AckModule } from '../../lib/module';
import type { RabbitAckContext } from '../../lib/rabbitmq';
import { queueDepth } from '../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { waitFor } from '../support/wait-for';

const state = { delayMs: 0, slowCounts: [] as number[], others: new Set<number>() };

@Controller()
class DelayController {
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern('delay.item')
  async handle(@Payload() item: { id: number; slow?: boolean }, @Ctx() context: RabbitAckContext) {
    if (item.slow) {
      state.slowCounts.push(context.getDeliveryCount());
      if (context.getDeliveryCount() === 1) {
        await context.nack({ delayMs: state.delayMs });
        return;
      }
    } else {
      state.others.add(item.id);
    }
    await context.ack();
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [DelayController] })
class DelayModule {}

describe('a nack with a delay on RabbitMQ', () => {
  let target: RabbitTestApp | undefined;
  afterEach(async () => {
    await target?.close();
    target = undefined;
  });

  const emit = (item: object) => firstValueFrom(target!.client.emit('delay.item', item), { defaultValue: undefined });

  for (const queueType of ['quorum', 'classic'] as const) {
    it(`${queueType}: blocks no other message (concurrency 1), stays unacked on the broker meanwhile, then comes back as delivery 2`, { timeout: 60_000 }, async () => {
      Object.assign(state, { delayMs: 4000, slowCounts: [], others: new Set() });
      target = await startRabbitApp(DelayModule, { queueType, concurrency: 1, prefetch: 20 }, `delay.${queueType}`);
      await emit({ id: 0, slow: true });
      await waitFor(() => state.slowCounts.length === 1, { message: 'the first delivery nacked' });
      for (let id = 1; id <= 10; id++) await emit({ id });
      await waitFor(() => state.others.size === 10, { timeoutMs: 3000, message: '10 other messages processed within the delay' });
      assert.deepEqual(state.slowCounts, [1], 'not redelivered before its delay');
      // Held unacked on its channel: the broker counts it as outstanding.
      assert.deepEqual(await queueDepth(target.queue), { ready: 0, unacked: 1 });
      await waitFor(() => state.slowCounts.length === 2, { timeoutMs: 15_000, message: 'the redelivery after the delay' });
      assert.deepEqual(state.slowCounts, [1, 2]);
      await waitFor(async () => (await queueDepth(target!.queue))?.unacked === 0 && (await queueDepth(target!.queue))?.ready === 0, { message: 'queue depth 0' });
    });
  }

  it('at close, a message waiting for its delay goes back to the queue at once', { timeout: 30_000 }, async () => {
    Object.assign(state, { delayMs: 600_000, slowCounts: [], others: new Set() });
    target = await startRabbitApp(DelayModule, {}, 'delay.close');
    await emit({ id: 0, slow: true });
    await waitFor(() => state.slowCounts.length === 1, { message: 'the first delivery nacked' });
    await waitFor(async () => (await queueDepth(target!.queue))?.unacked === 1, { message: 'held unacked' });
    const started = Date.now();
    await target.app.close();
    assert.ok(Date.now() - started < 5000, 'close does not wait for the delay');
    assert.deepEqual(await queueDepth(target.queue), { ready: 1, unacked: 0 }, 'back in the queue, ready for another consumer');
  });
});
