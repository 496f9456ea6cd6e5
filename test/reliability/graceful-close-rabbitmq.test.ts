import 'reflect-metadata';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import { queueDepth } from '../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { waitFor } from '../support/wait-for';

const state = { handled: [] as number[], release: () => {}, gate: Promise.resolve() };

@Controller()
class HeldController {
  @EventPattern('held.item')
  async handle(@Payload() item: { id: number }) {
    state.handled.push(item.id);
    await state.gate;
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [HeldController] })
class HeldModule {}

describe('graceful close on RabbitMQ', () => {
  let target: RabbitTestApp | undefined;
  afterEach(async () => {
    state.release();
    await target?.close();
    target = undefined;
  });

  it('finishes and acks the in-flight handler; prefetched messages waiting for a slot are not started, they go back to the queue', { timeout: 30_000 }, async () => {
    state.handled = [];
    state.gate = new Promise<void>((resolve) => (state.release = resolve));
    target = await startRabbitApp(HeldModule, { concurrency: 1, prefetch: 10, defaultPolicy: 'ACK' }, 'close');
    for (let id = 1; id <= 5; id++) await firstValueFrom(target.client.emit('held.item', { id }), { defaultValue: undefined });
    await waitFor(() => state.handled.length === 1, { message: 'one handler in flight' });
    await waitFor(async () => (await queueDepth(target!.queue))?.unacked === 5, { message: 'all five prefetched' });
    const closing = target.app.close();
    await waitFor(() => target!.server.isClosing);
    state.release();
    await closing;
    assert.deepEqual(state.handled, [1], 'only the in-flight message ran');
    assert.deepEqual(await queueDepth(target.queue), { ready: 4, unacked: 0 }, 'the in-flight one acked, the other four back in the queue');
  });
});
