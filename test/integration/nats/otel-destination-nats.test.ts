import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { AckModule } from '../../../lib/module';
import { AckMetricNames, AckTelemetryModule, MessagingAttributes } from '../../../lib/otel';
import { startNatsApp, type NatsTestApp } from '../../support/nats-app';
import { uniqueName } from '../../support/names';
import { TestOtel } from '../../support/otel-sdk';
import { waitFor } from '../../support/wait-for';

const ROOT = uniqueName('oteldest');
const WILDCARD = `${ROOT}.orders.*`;
let handled = 0;

@Controller()
class OrdersController {
  @EventPattern(WILDCARD)
  order(): void {
    handled++;
  }
}

@Module({ imports: [AckModule.forRoot(), AckTelemetryModule.forRoot()], controllers: [OrdersController] })
class OrdersModule {}

/**
 * Issue 26 item 12 on nats-server: producers choose the subject inside a
 * wildcard, so the raw subject is no span name or metric label; the pattern of
 * the handler it was routed to is.
 */
describe('OpenTelemetry destination on NATS', () => {
  const otel = new TestOtel();
  let target: NatsTestApp;
  before(async () => {
    otel.install();
    target = await startNatsApp(OrdersModule, {}, 'oteldest');
  });
  after(async () => {
    await target?.close();
    await otel.uninstall();
  });

  it('50 messages on 50 subjects under one wildcard handler: one destination, the handler pattern, in spans and counters', { timeout: 60_000 }, async () => {
    const subjects = Array.from({ length: 50 }, (_, i) => `${ROOT}.orders.id-${i}`);
    for (const subject of subjects) await target.admin.js.publish(subject, JSON.stringify({ pattern: subject, data: { n: 1 } }));
    await waitFor(() => handled === 50, { message: '50 handled' });
    const spans = await waitFor(() => {
      const found = otel.finishedSpans().filter((span) => span.name.startsWith('process '));
      return found.length >= 50 ? found : undefined;
    }, { message: '50 consumer spans' });
    assert.deepEqual([...new Set(spans!.map((span) => span.name))], [`process ${WILDCARD}`]);
    assert.deepEqual([...new Set(spans!.map((span) => span.attributes[MessagingAttributes.DESTINATION]))], [WILDCARD]);
    for (const subject of subjects.slice(0, 3)) {
      assert.equal(await otel.counter(AckMetricNames.SETTLED, { [MessagingAttributes.DESTINATION]: subject }), 0, `no series for the raw subject ${subject}`);
    }
    assert.equal(await otel.counter(AckMetricNames.SETTLED, { [MessagingAttributes.DESTINATION]: WILDCARD }), 50);
  });
});
