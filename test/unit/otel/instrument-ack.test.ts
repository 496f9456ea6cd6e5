import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern } from '@nestjs/microservices';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { lastValueFrom } from 'rxjs';
import { AckContext, AckModule, AckPolicy, RejectMessage, type SettlementEvent } from '../../../lib';
import { AckAttributes, AckMetricNames, instrumentAck, MessagingAttributes, type AckInstrumentation } from '../../../lib/otel';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { TestOtel } from '../../support/otel-sdk';
import { waitFor } from '../../support/wait-for';

const seenHeaders: Record<string, string>[] = [];

@Controller()
class OrdersController {
  @EventPattern<string>('order.created')
  created(@Ctx() ctx: AckContext): void {
    seenHeaders.push(ctx.getHeaders());
  }

  @EventPattern<string>('order.invalid')
  @AckPolicy('NACK_ON_ERROR')
  invalid(): void {
    throw new RejectMessage({ reason: 'invalid-order' });
  }

  @EventPattern<string>('order.audit')
  @AckPolicy('ACK')
  audit(): void {
    throw new RangeError('audit store down');
  }

  @MessagePattern('order.total')
  total(data: { items: number[] }): number {
    return data.items.reduce((sum, item) => sum + item, 0);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
class OrdersModule {}

/** An in-memory app on a fresh queue; `settled` collects its settlement events. */
async function startApp() {
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  const app = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
  const settled: SettlementEvent[] = [];
  server.on('settled', (event) => settled.push(event));
  await app.listen();
  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  return {
    broker,
    client,
    settled,
    emit: (data: unknown) => lastValueFrom(client.emit('order.created', data), { defaultValue: undefined }),
    close: async () => {
      client.close();
      await app.close();
    },
  };
}

describe('instrumentAck() on the in-memory transport', () => {
  const otel = new TestOtel();
  let instrumentation: AckInstrumentation | undefined;
  before(() => otel.install());
  afterEach(() => {
    instrumentation?.disable();
    otel.spans.reset();
    seenHeaders.length = 0;
  });
  after(() => otel.uninstall());

  it('puts traceparent in the headers; disable() stops spans, headers and measurements', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck();
      await app.emit({ id: 1 });
      await waitFor(() => app.settled.length === 1);
      assert.match(seenHeaders[0].traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      assert.equal(otel.finishedSpans().length, 2, 'a producer and a consumer span');
      const sent = await otel.counter(AckMetricNames.SENT, {});
      instrumentation.disable();
      await app.emit({ id: 2 });
      await waitFor(() => app.settled.length === 2);
      assert.deepEqual(seenHeaders[1], {}, 'no trace context once disabled');
      assert.equal(otel.finishedSpans().length, 2, 'no new span once disabled');
      assert.equal(await otel.counter(AckMetricNames.SENT, {}), sent, 'no new measurement once disabled');
    } finally {
      await app.close();
    }
  });

  it("consumerSpan: 'link' starts a new trace linked to the producer's span; a tracerProvider option wins over the global one", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const app = await startApp();
    try {
      instrumentation = instrumentAck({ consumerSpan: 'link', tracerProvider: provider, metrics: false });
      await app.emit({ id: 1 });
      await waitFor(() => app.settled.length === 1);
      assert.equal(otel.finishedSpans().length, 0, 'nothing went to the global provider');
      const producer = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.PRODUCER)!;
      const consumer = exporter.getFinishedSpans().find((span) => span.kind === SpanKind.CONSUMER)!;
      assert.equal(consumer.parentSpanContext, undefined, 'a root span');
      assert.notEqual(consumer.spanContext().traceId, producer.spanContext().traceId);
      assert.deepEqual(consumer.links.map((link) => link.context.spanId), [producer.spanContext().spanId]);
    } finally {
      await app.close();
      await provider.shutdown();
    }
  });

  it('a request: the PRODUCER span of send() is the parent of the CONSUMER span, and the reply still arrives', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck();
      const total = await lastValueFrom(app.client.send('order.total', { items: [1, 2, 3] }));
      assert.equal(total, 6);
      await waitFor(() => otel.finishedSpans({ [MessagingAttributes.OPERATION_TYPE]: 'process' }).length === 1);
      const [producer] = otel.finishedSpans({ [MessagingAttributes.OPERATION_TYPE]: 'send' });
      const [consumer] = otel.finishedSpans({ [MessagingAttributes.OPERATION_TYPE]: 'process' });
      assert.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId);
      assert.equal(consumer.attributes[AckAttributes.PATTERN], 'order.total');
      assert.ok(consumer.attributes[MessagingAttributes.CONVERSATION_ID], 'the request id as conversation id');
      assert.equal(consumer.attributes[AckAttributes.OUTCOME], 'ack');
    } finally {
      await app.close();
    }
  });

  it('status ERROR only for a handler error, whatever the settlement: not for a control exception', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck();
      await lastValueFrom(app.client.emit('order.invalid', {}), { defaultValue: undefined });
      await lastValueFrom(app.client.emit('order.audit', {}), { defaultValue: undefined });
      await waitFor(() => otel.finishedSpans({ [MessagingAttributes.OPERATION_TYPE]: 'process' }).length === 2);
      const [invalid] = otel.finishedSpans({ [AckAttributes.PATTERN]: 'order.invalid', [MessagingAttributes.OPERATION_TYPE]: 'process' });
      assert.deepEqual([invalid.attributes[AckAttributes.OUTCOME], invalid.attributes[AckAttributes.REJECT_REASON], invalid.status.code], ['reject', 'invalid-order', SpanStatusCode.UNSET]);
      const [audit] = otel.finishedSpans({ [AckAttributes.PATTERN]: 'order.audit', [MessagingAttributes.OPERATION_TYPE]: 'process' });
      assert.deepEqual([audit.attributes[AckAttributes.OUTCOME], audit.attributes[MessagingAttributes.ERROR_TYPE], audit.status.code], ['ack', 'RangeError', SpanStatusCode.ERROR]);
      assert.equal(audit.events[0]?.name, 'exception', 'the error recorded on the span');
    } finally {
      await app.close();
    }
  });

  it('traces: false records the counters only, and carries no trace context', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck({ traces: false });
      const before = await otel.counter(AckMetricNames.SETTLED, { [AckAttributes.OUTCOME]: 'ack', [AckAttributes.PATTERN]: 'order.created' });
      await app.emit({ id: 1 });
      await waitFor(() => app.settled.length === 1);
      assert.deepEqual(seenHeaders[0], {});
      assert.equal(otel.finishedSpans().length, 0);
      assert.equal(await otel.counter(AckMetricNames.SETTLED, { [AckAttributes.OUTCOME]: 'ack', [AckAttributes.PATTERN]: 'order.created' }), before + 1);
    } finally {
      await app.close();
    }
  });

  it('an unknown pattern is counted as _OTHER (senders choose patterns; metric series stay bounded)', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck();
      await lastValueFrom(app.client.emit('made.up.by.a.sender', {}), { defaultValue: undefined });
      await waitFor(() => app.settled.length === 1);
      assert.equal(await otel.counter(AckMetricNames.SETTLED, { [AckAttributes.PATTERN]: 'made.up.by.a.sender' }), 0);
      assert.equal(await otel.counter(AckMetricNames.SETTLED, { [AckAttributes.PATTERN]: '_OTHER', [AckAttributes.OUTCOME]: 'reject', [AckAttributes.REJECT_REASON]: 'no-handler' }), 1);
    } finally {
      await app.close();
    }
  });

  it('a caller with an active span: every span of the exchange joins its trace', async () => {
    const app = await startApp();
    try {
      instrumentation = instrumentAck();
      const traceId = await trace.getTracer('test').startActiveSpan('caller', async (span) => {
        await app.emit({ id: 1 });
        span.end();
        return span.spanContext().traceId;
      });
      await waitFor(() => app.settled.length === 1);
      assert.deepEqual(new Set(otel.finishedSpans().map((span) => span.spanContext().traceId)), new Set([traceId]));
    } finally {
      await app.close();
    }
  });
});
