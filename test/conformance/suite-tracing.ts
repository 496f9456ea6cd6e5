import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { SpanKind, SpanStatusCode, trace, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { AckContext, AckPolicy, type HandledEvent } from '../../lib/core';
import { AckModule } from '../../lib/module';
import { AckAttributes, AckMetricNames, AckTelemetryModule, MessagingAttributes } from '../../lib/otel';
import { uniqueName } from '../support/names';
import { TestOtel } from '../support/otel-sdk';
import { waitFor, waitForEqual } from '../support/wait-for';
import type { ConformanceAdapter } from './adapter';
import { FAST_RETRY } from './harness';

/**
 * `nestjs-ack/otel` on one transport, through the broker: the producer's span
 * context travels in the message headers, and each delivery gets one CONSUMER
 * span, child of that PRODUCER span, with its outcome; the counters match.
 * `system` is the expected `messaging.system`.
 */
export function runTracingSuite(adapter: ConformanceAdapter, system: string): void {
  describe(`OpenTelemetry on ${adapter.name}`, { timeout: 90_000 }, () => {
    const otel = new TestOtel();
    before(() => otel.install());
    after(async () => {
      await adapter.dispose?.();
      await otel.uninstall();
    });

    it('one CONSUMER span per delivery, child of the PRODUCER span the headers carried; outcomes on spans and counters', async () => {
      const ok = uniqueName('traced-ok');
      const failing = uniqueName('traced-failing');
      const flaky = uniqueName('traced-flaky');
      const inHandler: SpanContext[] = [];

      @Controller()
      class TracedController {
        @EventPattern<string>(ok)
        @AckPolicy('ACK')
        completes(): void {
          // A span the handler starts is a child of the delivery's span: the consumer span is active.
          const span = trace.getTracer('test').startSpan('inside the handler');
          inHandler.push(span.spanContext());
          span.end();
        }

        @EventPattern<string>(failing)
        @AckPolicy('REJECT_ON_ERROR')
        fails(): void {
          throw new TypeError('refused by the handler');
        }

        @EventPattern<string>(flaky)
        @AckPolicy('NACK_ON_ERROR')
        failsOnce(@Ctx() ctx: AckContext): void {
          if (ctx.getDeliveryCount() === 1) throw new Error('first delivery fails');
        }
      }

      @Module({ imports: [AckModule.forRoot(), AckTelemetryModule.forRoot()], controllers: [TracedController] })
      class TracedModule {}

      const target = await adapter.start({ module: TracedModule, patterns: [ok, failing, flaky], serverOptions: { retry: FAST_RETRY } });
      const handled: HandledEvent[] = [];
      target.server.on('handled', (event: HandledEvent) => handled.push(event));
      try {
        // The caller's span is active while it emits: the PRODUCER spans are its children.
        const caller = await trace.getTracer('test').startActiveSpan('the caller', async (span) => {
          try {
            for (const pattern of [ok, failing, flaky]) await target.emit(pattern, { n: 1 });
          } finally {
            span.end();
          }
          return span.spanContext();
        });
        await waitFor(() => handled.length >= 4, { timeoutMs: 30_000, message: 'four deliveries handled (flaky twice)' });

        // The broker: everything settled, the failing message dead-lettered with the trace context among its headers.
        for (const pattern of [ok, failing, flaky]) await waitForEqual(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}`, timeoutMs: 20_000 });
        await waitFor(async () => (await target.deadLetters(failing)).length > 0, { message: 'the dead letter of the failing message' });
        const deadLetters = await target.deadLetters(failing);
        assert.equal(deadLetters.length, 1, 'one dead letter');

        for (const pattern of [ok, failing, flaky]) {
          const producers = producersOf(otel, pattern);
          assert.equal(producers.length, 1, `one PRODUCER span for ${pattern}`);
          const [producer] = producers;
          assert.equal(producer.kind, SpanKind.PRODUCER);
          assert.equal(producer.attributes[MessagingAttributes.SYSTEM], system);
          assert.equal(producer.parentSpanContext?.spanId, caller.spanId, 'child of the span active at emit time');
          const consumers = consumersOf(otel, pattern);
          assert.equal(consumers.length, pattern === flaky ? 2 : 1, `one CONSUMER span per delivery of ${pattern}`);
          for (const consumer of consumers) {
            assert.equal(consumer.kind, SpanKind.CONSUMER);
            assert.equal(consumer.spanContext().traceId, producer.spanContext().traceId, 'same trace as the producer');
            assert.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId, 'child of the producer span');
            assert.equal(consumer.attributes[MessagingAttributes.SYSTEM], system);
            assert.equal(consumer.attributes[MessagingAttributes.OPERATION_TYPE], 'process');
            assert.ok(String(consumer.attributes[MessagingAttributes.DESTINATION] ?? '').length > 0, 'messaging.destination.name');
            assert.equal(consumer.name, `process ${String(consumer.attributes[MessagingAttributes.DESTINATION])}`);
            if (system === 'kafka') assert.equal(typeof consumer.attributes[MessagingAttributes.KAFKA_OFFSET], 'number', 'messaging.kafka.offset');
            else assert.ok(consumer.attributes[MessagingAttributes.MESSAGE_ID], 'messaging.message.id');
          }
        }
        assert.equal(deadLetters[0].headers.traceparent, traceparentOf(producersOf(otel, failing)[0]), 'the dead letter kept the trace context header');

        const [okSpan] = consumersOf(otel, ok);
        assert.equal(okSpan.attributes[AckAttributes.OUTCOME], 'ack');
        assert.equal(okSpan.status.code, SpanStatusCode.UNSET);
        assert.equal(inHandler.length, 1);
        const inner = otel.finishedSpans().find((span) => span.spanContext().spanId === inHandler[0].spanId);
        assert.equal(inner?.parentSpanContext?.spanId, okSpan.spanContext().spanId, 'a span started in the handler is a child of the consumer span');

        const [failedSpan] = consumersOf(otel, failing);
        assert.equal(failedSpan.attributes[AckAttributes.OUTCOME], 'reject');
        assert.equal(failedSpan.attributes[AckAttributes.REJECT_REASON], 'handler-error');
        assert.equal(failedSpan.status.code, SpanStatusCode.ERROR);
        assert.equal(failedSpan.attributes[MessagingAttributes.ERROR_TYPE], 'TypeError');

        const flakySpans = consumersOf(otel, flaky).sort((a, b) => Number(a.attributes[AckAttributes.DELIVERY_COUNT]) - Number(b.attributes[AckAttributes.DELIVERY_COUNT]));
        assert.deepEqual(flakySpans.map((span) => [span.attributes[AckAttributes.DELIVERY_COUNT], span.attributes[AckAttributes.OUTCOME], span.status.code]), [
          [1, 'nack', SpanStatusCode.ERROR],
          [2, 'ack', SpanStatusCode.UNSET],
        ]);

        const settled = (pattern: string, outcome: string) => otel.counter(AckMetricNames.SETTLED, { [AckAttributes.PATTERN]: pattern, [AckAttributes.OUTCOME]: outcome, [MessagingAttributes.SYSTEM]: system });
        assert.deepEqual(
          { okAck: await settled(ok, 'ack'), failingReject: await settled(failing, 'reject'), flakyNack: await settled(flaky, 'nack'), flakyAck: await settled(flaky, 'ack') },
          { okAck: 1, failingReject: 1, flakyNack: 1, flakyAck: 1 },
        );
        assert.equal(await settled(ok, 'nack') + (await settled(ok, 'reject')) + (await settled(failing, 'ack')) + (await settled(failing, 'nack')), 0, 'no other settlement');
        assert.equal(await otel.counter(AckMetricNames.CONSUMED, { [AckAttributes.PATTERN]: flaky }), 2);
        assert.equal(await otel.counter(AckMetricNames.PROCESS_DURATION, { [AckAttributes.PATTERN]: flaky }), 2, 'two durations recorded');
        for (const pattern of [ok, failing, flaky]) assert.equal(await otel.counter(AckMetricNames.SENT, { [AckAttributes.PATTERN]: pattern }), 1);
      } finally {
        await target.close();
      }
    });
  });
}

function producersOf(otel: TestOtel, pattern: string): ReadableSpan[] {
  return otel.finishedSpans({ [AckAttributes.PATTERN]: pattern, [MessagingAttributes.OPERATION_TYPE]: 'send' });
}

function consumersOf(otel: TestOtel, pattern: string): ReadableSpan[] {
  return otel.finishedSpans({ [AckAttributes.PATTERN]: pattern, [MessagingAttributes.OPERATION_TYPE]: 'process' });
}

function traceparentOf(span: ReadableSpan): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-0${traceFlags.toString(16)}`;
}
