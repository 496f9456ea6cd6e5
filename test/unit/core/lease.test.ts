import 'reflect-metadata';
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AckContext, AckPolicy } from '../../../lib/core';
import { keepLease } from '../../../lib/core/lease-keeper';
import { AckModule } from '../../../lib/module';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

const LEASE_MS = 300;
let release: () => void = () => undefined;
let entered = 0;

@Controller()
class SlowController {
  @EventPattern<string>('slow')
  @AckPolicy('ACK')
  async slow(@Payload() _data: unknown, @Ctx() _context: AckContext): Promise<void> {
    entered++;
    await new Promise<void>((resolve) => (release = resolve));
  }

  @EventPattern<string>('forgotten')
  @AckPolicy('MANUAL')
  forgotten(): void {
    entered++; // returns without settling: only the broker's lease brings it back
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [SlowController] })
class LeaseModule {}

/** Lets promise callbacks and Nest's I/O-free steps run (setImmediate is not faked). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function startApp(broker: InMemoryBroker) {
  const server = new InMemoryAckServer({ broker, queue: 'q', leaseMs: LEASE_MS });
  const app = await NestFactory.createMicroservice(LeaseModule, { strategy: server, logger: false });
  await app.listen();
  return app;
}

describe('the lease hook (fake clock)', () => {
  afterEach(() => mock.timers.reset());

  it(`renews the lease every ${LEASE_MS / 3} ms while a handler runs 3x the lease: delivered once, then acked`, async () => {
    const broker = new InMemoryBroker();
    const app = await startApp(broker);
    const renewals: number[] = [];
    const extend = broker.extendLease.bind(broker);
    let now = 0;
    broker.extendLease = (queue, id) => {
      renewals.push(now);
      extend(queue, id);
    };
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    entered = 0;
    new InMemoryAckClient({ broker, queue: 'q' }).emitAndGetId('slow', {});
    await settle();
    assert.equal(entered, 1, 'the handler runs');
    for (now = 100; now <= 3 * LEASE_MS; now += 100) {
      mock.timers.tick(100);
      await settle();
    }
    assert.deepEqual(renewals, [100, 200, 300, 400, 500, 600, 700, 800, 900], 'renewed on schedule, every third of the lease');
    release();
    await settle();
    const history = broker.state('q').history.map((event) => event.type);
    assert.deepEqual(history, ['published', 'delivered', 'acked'], 'delivered once, never expired, acked');
    assert.equal(entered, 1);
    mock.timers.reset();
    await app.close();
  });

  it('the in-memory lease is real: a delivery nobody settles or renews comes back after it', async () => {
    const broker = new InMemoryBroker();
    const app = await startApp(broker);
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    entered = 0;
    new InMemoryAckClient({ broker, queue: 'q' }).emitAndGetId('forgotten', {});
    await settle();
    mock.timers.tick(LEASE_MS - 1);
    await settle();
    assert.equal(entered, 1, 'not before the lease ran out');
    mock.timers.tick(1);
    await settle();
    assert.equal(entered, 2, 'delivered again once the lease expired');
    assert.ok(broker.state('q').history.some((event) => event.type === 'lease-expired'));
    mock.timers.reset();
    await app.close();
  });

  it('stops renewing once the delivery is settled, so a renewal never undoes a nack', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    let settled = false;
    let renewals = 0;
    const stop = keepLease(100, async () => void renewals++, () => undefined, () => settled);
    mock.timers.tick(100);
    await settle();
    mock.timers.tick(100);
    await settle();
    assert.equal(renewals, 2);
    settled = true;
    mock.timers.tick(100);
    await settle();
    mock.timers.tick(100);
    await settle();
    assert.equal(renewals, 2, 'no renewal after the settle command went out');
    stop();
  });
});
