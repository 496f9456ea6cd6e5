import 'reflect-metadata';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckPolicy } from '../../lib/core';
import { AckModule } from '../../lib/module';
import type { RabbitAckContext } from '../../lib/rabbitmq';
import { peekQueue, queueDepth, rabbitmqctl } from '../support/rabbit-broker';
import { startRabbitApp, type RabbitTestApp } from '../support/rabbit-app';
import { waitFor } from '../support/wait-for';

const stream = {
  processed: new Set<number>(),
  handled: 0,
  /** Handlers of ids past FIRST_OPEN wait here, so deliveries are in flight when the connection drops. */
  gate: Promise.resolve(),
  open: () => {},
  waiting: 0,
};
const FIRST_OPEN = 50;

@Controller()
class StreamController {
  @EventPattern('stream.item')
  async handle(@Payload() item: { id: number }) {
    if (item.id > FIRST_OPEN) {
      stream.waiting++;
      await stream.gate;
      stream.waiting--;
    }
    await delay(1);
    stream.processed.add(item.id);
    stream.handled++;
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [StreamController] })
class StreamModule {}

const held: RabbitAckContext[] = [];

@Controller()
class HoldingController {
  @AckPolicy(AckPolicy.MANUAL)
  @EventPattern('held.item')
  hold(@Ctx() context: RabbitAckContext) {
    held.push(context); // settled by the test, later
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [HoldingController] })
class HoldingModule {}

const TOTAL = 400;
const CONCURRENCY = 5;

function resetStream(): void {
  stream.processed.clear();
  stream.handled = 0;
  stream.waiting = 0;
  stream.gate = new Promise<void>((resolve) => (stream.open = resolve));
}

/** Publishes ids from..to one by one; each emit resolves once the broker confirmed it (retrying across reconnects). */
async function publishRange(target: RabbitTestApp, from: number, to: number): Promise<void> {
  for (let id = from; id <= to; id++) {
    await firstValueFrom(target.client.emit('stream.item', { id }), { defaultValue: undefined });
  }
}

/** First half published; FIRST_OPEN processed; a full concurrency window of handlers waiting at the gate. */
async function startStream(target: RabbitTestApp): Promise<void> {
  await publishRange(target, 1, TOTAL / 2);
  await waitFor(() => stream.handled >= FIRST_OPEN && stream.waiting === CONCURRENCY, { timeoutMs: 30_000, message: `${FIRST_OPEN} handled and ${CONCURRENCY} in flight` });
}

/** Everything processed (duplicates allowed), queue empty on the broker, nothing dead-lettered, server connected again after exactly one drop. */
async function assertNothingLost(target: RabbitTestApp): Promise<void> {
  await waitFor(() => stream.processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${stream.processed.size})` });
  await waitFor(async () => {
    const depth = await queueDepth(target.queue);
    return depth?.ready === 0 && depth.unacked === 0;
  }, { timeoutMs: 30_000, message: 'queue depth 0 (ready and unacked)' });
  assert.equal((await peekQueue(`${target.queue}.dlq`)).length, 0, 'nothing dead-lettered');
  assert.ok(stream.handled >= TOTAL, 'at-least-once: duplicates allowed, never fewer');
  await waitFor(() => target.events.at(-1) === 'connected', { timeoutMs: 30_000, message: 'connected again' });
  assertReconnectedOnce(target.events);
}

describe('RabbitMQ connection loss mid-stream', () => {
  let target: RabbitTestApp | undefined;

  afterEach(async () => {
    // Always leave the broker running for the next test, whatever happened.
    await rabbitmqctl('start_app').catch(() => undefined);
    await rabbitmqctl('await_startup').catch(() => undefined);
    await target?.close();
    target = undefined;
  });

  it('broker application restarted (stop_app / start_app): every message processed, none lost', { timeout: 180_000 }, async () => {
    resetStream();
    target = await startRabbitApp(StreamModule, { concurrency: CONCURRENCY }, 'restart');
    await startStream(target);
    let secondHalf: Promise<void> | undefined;
    try {
      await rabbitmqctl('stop_app');
      await waitFor(() => target!.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
      secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL); // waits for the broker, retrying
    } finally {
      await rabbitmqctl('start_app');
    }
    stream.open(); // the in-flight handlers finish; their acks cannot reach the dead channel
    await secondHalf;
    await assertNothingLost(target);
  });

  it('connections closed by the broker (close_all_connections): reconnects and resumes', { timeout: 120_000 }, async () => {
    resetStream();
    target = await startRabbitApp(StreamModule, { concurrency: CONCURRENCY }, 'closeall');
    await startStream(target);
    await rabbitmqctl('close_all_connections', 'nestjs-ack reliability test');
    await waitFor(() => target!.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
    const secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL);
    stream.open();
    await secondHalf;
    await assertNothingLost(target);
    assert.equal(target.server.unwrap() !== undefined, true, 'connected again');
  });

  it('a late settle of a delivery from the dead channel never reaches the new one (no 406)', { timeout: 60_000 }, async () => {
    held.length = 0;
    target = await startRabbitApp(HoldingModule, {}, 'stale');
    const errors: string[] = [];
    target.server.on('error', (error: Error) => errors.push(error.message));
    await firstValueFrom(target.client.emit('held.item', {}), { defaultValue: undefined });
    await waitFor(() => held.length === 1, { message: 'the first delivery held' });
    await rabbitmqctl('close_all_connections', 'nestjs-ack stale delivery test');
    await waitFor(() => held.length === 2, { timeoutMs: 30_000, message: 'the redelivery on the new channel' });
    assert.equal(held[1].getDeliveryCount(), 2);
    assert.equal(await held[0].ack(), false, "its channel is gone: refused and reported, never sent on the new channel");
    assert.ok(errors.some((message) => /channel closed/.test(message)), `the stale ack is reported (errors: ${errors.join(' | ')})`);
    assert.equal(await held[1].ack(), true);
    await waitFor(async () => {
      const depth = await queueDepth(target!.queue);
      return depth?.ready === 0 && depth.unacked === 0;
    }, { message: 'acked on the new channel' });
    assertReconnectedOnce(target.events);
  });
});

/**
 * One drop, one recovery: a late settle of an old delivery on the new channel
 * (RabbitMQ 406) would have closed it and shown as a second disconnect.
 */
function assertReconnectedOnce(events: string[]): void {
  assert.equal(events.filter((e) => e === 'disconnected').length, 1, `one disconnect (events: ${events.join(', ')})`);
  assert.ok(events.includes('reconnecting'), 'reconnecting reported');
  assert.equal(events.at(-1), 'connected', 'connected again at the end');
}
