import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import type { NatsAckContext } from '../../lib/nats';
import { startNatsApp, type NatsTestApp } from '../support/nats-app';
import { consumerInfo, natsDeadLetters, outstandingOf } from '../support/nats-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const SUBJECT = uniqueName('dlqfail');
const deliveries: number[] = [];

@Controller()
class FailingController {
  @EventPattern(SUBJECT)
  handle(@Ctx() context: NatsAckContext) {
    deliveries.push(context.getDeliveryCount());
    throw new Error('always fails');
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [FailingController] })
class FailingModule {}

describe('NATS dead-letter stream missing', () => {
  let target: NatsTestApp;
  after(() => target?.close());

  it('the source is not termed while the dead-letter stream is gone; it comes back until the stream takes it', { timeout: 60_000 }, async () => {
    target = await startNatsApp(FailingModule, {
      defaultPolicy: 'REJECT_ON_ERROR',
      retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
      deadLetter: { publishTimeoutMs: 1000 },
    }, 'dlqfail');
    const info = () => consumerInfo(target.admin, target.stream, target.server.consumerPlans[0].name);
    // No stream captures the dead-letter subjects any more: the publish gets no acknowledgement.
    await target.admin.jsm.streams.delete(target.deadLetterStream);
    await firstValueFrom(target.client.emit(SUBJECT, {}), { defaultValue: undefined });
    await waitFor(() => deliveries.length >= 3, { timeoutMs: 30_000, message: 'redelivered after failed dead-letter publishes' });
    assert.equal(outstandingOf(await info()) >= 1, true, 'the source is still the consumer\'s');
    assert.ok(target.server.deadLetterFailures >= 1, 'reported as a refused dead letter');

    await target.admin.jsm.streams.add({ name: target.deadLetterStream, subjects: [`${target.deadLetterPrefix}.>`] });
    const [entry] = (await waitFor(async () => {
      const entries = await natsDeadLetters(target.admin, target.deadLetterStream, target.deadLetterPrefix, SUBJECT);
      return entries.length > 0 ? entries : undefined;
    }, { timeoutMs: 30_000, message: 'the dead letter once the stream is back' }))!;
    await waitFor(async () => {
      const now = await info();
      return now.num_ack_pending === 0 && now.num_pending === 0;
    }, { message: 'source termed after the stored dead letter' });
    assert.equal(entry.reason, 'handler-error');
    assert.equal(entry.deliveryCount, deliveries.at(-1));
    assert.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3... by the server');
    assert.equal(target.server.deadLetterFailures, 0);
  });
});
