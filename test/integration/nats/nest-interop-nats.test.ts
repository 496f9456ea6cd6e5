import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { ClientNats, Ctx, EventPattern, MessagePattern, NatsRecordBuilder, Payload } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import type { NatsAckContext } from '../../../lib/nats';
import { startNatsApp, type NatsTestApp } from '../../support/nats-app';
import { consumerInfo, NATS_URL, outstandingOf } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

const CREATED = uniqueName('orders-created');
const TOTAL = uniqueName('orders-total');
const events: Array<{ data: unknown; headers: Record<string, string>; deliveryCount: number; subject: string }> = [];
const totals: number[][] = [];

@Controller()
class MigratedController {
  @EventPattern(CREATED)
  created(@Payload() data: unknown, @Ctx() context: NatsAckContext) {
    events.push({ data, headers: context.getHeaders(), deliveryCount: context.getDeliveryCount(), subject: context.getSubject() });
  }

  @MessagePattern(TOTAL)
  total(@Payload() lines: number[]) {
    totals.push(lines);
    return lines.reduce((sum, n) => sum + n, 0);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [MigratedController] })
class MigratedModule {}

/**
 * Producers keep Nest's own ClientNats (core NATS publishes); only the
 * consumer moves to NatsAckServer, whose stream captures the subjects.
 */
describe("Nest's own ClientNats talking to NatsAckServer", () => {
  let target: NatsTestApp;
  let client: ClientNats;

  before(async () => {
    // No `subjects` option: the server consumes the handlers' patterns and the stream captures them.
    target = await startNatsApp(MigratedModule, {}, 'clientnats');
    client = new ClientNats({ servers: [NATS_URL] });
    await client.connect();
  });
  after(async () => {
    await client?.close();
    await target?.close();
  });

  const infoOf = (subject: string) => consumerInfo(target.admin, target.stream, target.server.consumerPlans.find((p) => p.subjects.includes(subject))!.name);

  it('emit() onto a captured subject: stored, handled once with its headers, acked', { timeout: 30_000 }, async () => {
    const headers = natsHeaders();
    headers.set('tenant', 'acme');
    const record = new NatsRecordBuilder({ orderId: 7 }).setHeaders(headers).build();
    await lastValueFrom(client.emit(CREATED, record), { defaultValue: undefined });
    await waitFor(() => events.length === 1, { message: 'the event handled' });
    assert.deepEqual(events[0].data, { orderId: 7 });
    assert.equal(events[0].headers.tenant, 'acme');
    assert.equal(events[0].deliveryCount, 1);
    assert.equal(events[0].subject, CREATED);
    await waitFor(async () => outstandingOf(await infoOf(CREATED)) === 0, { message: 'acked on the consumer' });
    const info = await infoOf(CREATED);
    assert.equal(info.delivered.stream_seq, info.ack_floor.stream_seq, 'the ack floor reached the message');
  });

  it("send(): JetStream answers Nest's reply subject with its PubAck; the handler runs once, no reply reaches Nest", { timeout: 30_000 }, async () => {
    const answer = (await firstValueFrom(client.send(TOTAL, [1, 2, 3]))) as { stream?: string; seq?: number };
    // What Nest's send() resolves with is the stream's publish acknowledgement, not the handler's result.
    assert.equal(answer.stream, target.stream);
    assert.equal(typeof answer.seq, 'number');
    await waitFor(() => totals.length === 1, { message: 'the request handled (as an event: no reply address)' });
    assert.deepEqual(totals[0], [1, 2, 3]);
    await waitFor(async () => outstandingOf(await infoOf(TOTAL)) === 0, { message: 'acked on the consumer' });
  });

  it('our NatsAckClient.send() onto the same handler gets the real reply', { timeout: 30_000 }, async () => {
    assert.equal(await firstValueFrom(target.client.send(TOTAL, [4, 5])), 9);
  });
});
