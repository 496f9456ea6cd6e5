import 'reflect-metadata';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy, RejectMessage } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import type { NatsAckContext } from '../../../lib/nats';
import { startNatsApp, type NatsTestApp } from '../../support/nats-app';
import { consumerInfo, natsDeadLetters } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { waitFor, waitForEqual } from '../../support/wait-for';

const NAK = uniqueName('timing-nak');
const TERM = uniqueName('timing-term');
const SLOW = uniqueName('timing-slow');
const ACK_WAIT_MS = 1000;
const NAK_DELAY_MS = 500;

/** When each delivery reached the handler, and when the nak was sent. */
const seen = { nak: [] as number[], nakSentAt: 0, term: [] as number[], slow: [] as number[] };

@Controller()
class TimingController {
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern(NAK)
  async nak(@Ctx() context: NatsAckContext) {
    seen.nak.push(Date.now());
    if (context.getDeliveryCount() === 1) {
      seen.nakSentAt = Date.now();
      assert.equal(await context.nack({ delayMs: NAK_DELAY_MS }), true);
    } else {
      await context.ack();
    }
  }

  @EventPattern(TERM)
  term() {
    seen.term.push(Date.now());
    throw new RejectMessage({ reason: 'never-again' });
  }

  @AckPolicy(AckPolicy.ACK)
  @EventPattern(SLOW)
  async slow() {
    seen.slow.push(Date.now());
    await delay(3 * ACK_WAIT_MS);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TimingController] })
class TimingModule {}

/** Consumer info of the pattern's consumer (one per subject on nats-server 2.9). */
function infoOf(target: NatsTestApp, subject: string) {
  const plan = target.server.consumerPlans.find((p) => p.subjects.includes(subject));
  assert.ok(plan, `a consumer for ${subject}`);
  return consumerInfo(target.admin, target.stream, plan.name);
}

describe('JetStream settle timing (nak delay, term, working)', () => {
  let target: NatsTestApp | undefined;
  afterEach(async () => {
    await target?.close();
    target = undefined;
  });

  it(`nak with ${NAK_DELAY_MS} ms is redelivered no sooner than ${NAK_DELAY_MS} ms later`, { timeout: 30_000 }, async () => {
    target = await startNatsApp(TimingModule, { ackWaitMs: 30_000, subjects: [NAK] }, 'timing');
    await firstValueFrom(target.client.emit(NAK, { n: 1 }), { defaultValue: undefined });
    await waitFor(() => seen.nak.length === 1, { message: 'first delivery' });
    // While the delay runs the server holds the message as delivered, not acked, not yet redelivered.
    const during = await infoOf(target, NAK);
    assert.equal(during.num_ack_pending, 1);
    assert.equal(during.num_redelivered, 0);
    await waitFor(() => seen.nak.length === 2, { message: 'the redelivery' });
    const gap = seen.nak[1] - seen.nakSentAt;
    assert.ok(gap >= NAK_DELAY_MS, `redelivered ${gap} ms after the nak; the delay was ${NAK_DELAY_MS} ms`);
    assert.ok(gap < NAK_DELAY_MS + 2000, `redelivered soon after the delay (${gap} ms), not after ack_wait`);
    await waitFor(async () => {
      const info = await infoOf(target!, NAK);
      return info.num_ack_pending === 0 && info.num_pending === 0 && info.num_redelivered === 0 && info.ack_floor.stream_seq === 1;
    }, { message: 'acked on the second delivery: nothing pending, ack floor at the message' });
    assert.equal(seen.nak.length, 2);
  });

  it('a rejected (termed) message is dead-lettered and never redelivered, also after ack_wait', { timeout: 30_000 }, async () => {
    target = await startNatsApp(TimingModule, { ackWaitMs: ACK_WAIT_MS, subjects: [TERM] }, 'timing');
    await firstValueFrom(target.client.emit(TERM, { n: 2 }), { defaultValue: undefined });
    await waitFor(() => seen.term.length === 1, { message: 'the delivery' });
    const [entry] = (await waitFor(async () => {
      const entries = await natsDeadLetters(target!.admin, target!.deadLetterStream, target!.deadLetterPrefix, TERM);
      return entries.length ? entries : undefined;
    }, { message: 'the dead letter' }))!;
    assert.equal(entry.reason, 'never-again');
    await waitFor(async () => (await infoOf(target!, TERM)).num_ack_pending === 0, { message: 'termed: no longer pending on the consumer' });
    // Three ack_wait periods: a message that was not terminated would be redelivered within the first.
    const until = Date.now() + 3 * ACK_WAIT_MS;
    while (Date.now() < until) {
      const info = await infoOf(target, TERM);
      assert.equal(info.num_ack_pending + info.num_pending + info.num_redelivered, 0, 'nothing pending nor redelivered');
      await delay(100);
    }
    assert.equal(seen.term.length, 1, 'delivered once');
  });

  it('a handler running 3x ack_wait keeps its delivery (working()) and is delivered once', { timeout: 30_000 }, async () => {
    target = await startNatsApp(TimingModule, { ackWaitMs: ACK_WAIT_MS, subjects: [SLOW] }, 'timing');
    await firstValueFrom(target.client.emit(SLOW, { n: 3 }), { defaultValue: undefined });
    await waitFor(() => seen.slow.length === 1, { message: 'the delivery' });
    const settled = new Promise<void>((resolve) => target!.server.on('settled', () => resolve()));
    await settled;
    const info = await infoOf(target, SLOW);
    assert.equal(info.num_redelivered, 0, 'the server never redelivered it');
    await waitForEqual(async () => {
      const now = await infoOf(target!, SLOW);
      return now.num_ack_pending + now.num_pending;
    }, 0, { message: 'acked' });
    // One more ack_wait after the ack: a redelivery that was on its way would show now.
    await delay(ACK_WAIT_MS + 200);
    assert.equal(seen.slow.length, 1, 'delivered once');
    assert.ok(Date.now() - seen.slow[0] >= 3 * ACK_WAIT_MS);
  });
});
