import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import { RabbitAckClient } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { deadLetterFields, deleteRabbitTopology, peekQueue, queueDepth, RABBITMQ_URL, withRabbit } from '../support/rabbit-broker';
import { waitFor } from '../support/wait-for';

const handled: number[] = [];

@Controller()
class TotalsController {
  @MessagePattern('order.total')
  total(@Payload() order: { id: number; items: number[] }) {
    handled.push(order.id);
    return order.items.reduce((sum, item) => sum + item, 0);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TotalsController] })
class TotalsModule {}

/** Declares a plain queue for the test; deleted with the app's topology. */
function declareQueue(name: string): Promise<void> {
  return withRabbit(async (model) => {
    const channel = await model.createChannel();
    await channel.assertQueue(name, { durable: false });
  });
}

describe('RabbitMQ reply addresses', () => {
  const apps: RabbitTestApp[] = [];
  const queues: string[] = [];
  after(async () => {
    for (const app of apps) await app.close();
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  it('a request whose replyTo names another existing queue is dead-lettered invalid-reply-address; nothing reaches that queue', { timeout: 60_000 }, async () => {
    const target = await startRabbitApp(TotalsModule, {}, 'reply.victim');
    apps.push(target);
    const victim = uniqueName('victim');
    queues.push(victim);
    await declareQueue(victim);
    const body = Buffer.from(JSON.stringify({ pattern: 'order.total', data: { id: 1, items: [1, 2] }, id: 'forged-1' }));
    await withRabbit(async (model) => {
      const channel = await model.createConfirmChannel();
      channel.sendToQueue(target.queue, body, { replyTo: victim, correlationId: 'forged-1', persistent: true });
      await channel.waitForConfirms();
    });
    const dlq = `${target.queue}.dlq`;
    const [entry] = (await waitFor(async () => {
      const entries = await peekQueue(dlq);
      return entries.length > 0 ? entries : undefined;
    }, { timeoutMs: 20_000, message: 'the forged request in the dead-letter queue' }))!;
    const dead = deadLetterFields(entry);
    assert.equal(dead.reason, 'invalid-reply-address');
    assert.ok(dead.body.equals(body), 'the original bytes');
    assert.deepEqual(handled, [], 'the handler never ran');
    // The server's own client still gets its replies (direct reply-to); after it, the victim is still empty.
    assert.equal(await firstValueFrom(target.client.send('order.total', { id: 2, items: [3, 4] })), 7);
    assert.deepEqual(await queueDepth(victim), { ready: 0, unacked: 0 }, 'no reply in the queue the forged replyTo named');
  });

  it('a client reply queue of your own: replies arrive, none is left ready or unacked in it (with the server told of it in replyAddresses)', { timeout: 60_000 }, async () => {
    const replyQueue = uniqueName('replies');
    queues.push(replyQueue);
    await declareQueue(replyQueue);
    const target = await startRabbitApp(TotalsModule, { replyAddresses: { prefixes: ['amq.rabbitmq.reply-to.'], names: [replyQueue] } }, 'reply.own');
    apps.push(target);
    const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue: target.queue, replyQueue });
    try {
      const totals = await Promise.all(Array.from({ length: 20 }, (_, i) => firstValueFrom(client.send('order.total', { id: 100 + i, items: [i, 1] }))));
      assert.deepEqual(totals, Array.from({ length: 20 }, (_, i) => i + 1));
      assert.deepEqual(await queueDepth(replyQueue), { ready: 0, unacked: 0 }, 'while the client is connected');
    } finally {
      await client.close();
    }
    assert.deepEqual(await queueDepth(replyQueue), { ready: 0, unacked: 0 }, 'after close: no reply returned to the queue');
  });
});
