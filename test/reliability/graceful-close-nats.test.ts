import 'reflect-metadata';
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import { NatsAckServer, type NatsAckContext } from '../../lib/nats';
import { startNatsApp, type NatsTestApp } from '../support/nats-app';
import { NATS_URL } from '../support/nats-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';
import { testLogLevels } from '../conformance/adapters/rabbitmq';

const SUBJECT = uniqueName('close');
const ACK_WAIT_MS = 4000;
const seen: Array<{ app: string; id: number; at: number; deliveries: number }> = [];
let appName = 'first';
let release = () => {};
let gate = Promise.resolve();

@Controller()
class CloseController {
  @EventPattern(SUBJECT)
  async handle(@Payload() item: { id: number }, @Ctx() context: NatsAckContext) {
    seen.push({ app: appName, id: item.id, at: Date.now(), deliveries: context.getDeliveryCount() });
    if (appName === 'first') await gate;
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [CloseController] })
class CloseModule {}

describe('NATS graceful close', () => {
  let target: NatsTestApp | undefined;
  afterEach(async () => {
    release();
    await target?.close();
    target = undefined;
  });

  it('a handler still running at shutdownTimeoutMs does not hold close(); what it pulled comes back to another instance after ack_wait, nothing lost', { timeout: 60_000 }, async () => {
    gate = new Promise<void>((resolve) => (release = resolve));
    target = await startNatsApp(CloseModule, { concurrency: 1, batchSize: 10, ackWaitMs: ACK_WAIT_MS, shutdownTimeoutMs: 300 }, 'close');
    for (let id = 1; id <= 5; id++) await firstValueFrom(target.client.emit(SUBJECT, { id }), { defaultValue: undefined });
    await waitFor(() => seen.length === 1, { message: 'the first handler running' });
    const closing = Date.now();
    await target.app.close();
    const closeMs = Date.now() - closing;
    assert.ok(closeMs < ACK_WAIT_MS / 2, `close() took ${closeMs} ms; it must not wait for the held handler beyond shutdownTimeoutMs`);
    assert.equal(seen.length, 1, 'nothing else started on the closing app');
    // A second instance on the same durable consumer.
    appName = 'second';
    const server = new NatsAckServer({ servers: NATS_URL, stream: target.stream, ackWaitMs: ACK_WAIT_MS });
    const second = await NestFactory.createMicroservice(CloseModule, { strategy: server, logger: testLogLevels });
    await second.listen();
    try {
      await waitFor(() => new Set(seen.filter((s) => s.app === 'second').map((s) => s.id)).size === 5, { timeoutMs: 3 * ACK_WAIT_MS, message: 'all five on the second app' });
      assert.equal(seen.filter((s) => s.app === 'second').length, 5, 'each once');
      // ack_wait runs from the server's delivery to the first app (all five were pulled in one batch,
      // no later than the first handler started), not from the close.
      const pulledBy = seen.find((s) => s.app === 'first')!.at;
      for (const { id, at } of seen.filter((s) => s.app === 'second')) {
        assert.ok(at - pulledBy >= ACK_WAIT_MS - 200, `message ${id} was left unsettled by the closed app and came back after ack_wait (${at - pulledBy} ms after the first delivery, ${at - closing} ms after close)`);
      }
    } finally {
      await second.close();
    }
  });
});
