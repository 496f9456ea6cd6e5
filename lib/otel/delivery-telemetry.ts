import { context, defaultTextMapGetter, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { HandledEvent, SettlementEvent } from '../core/settlement-event';
import type { DeliveryInfo, DeliveryObservation, DeliveryObserver } from '../core/telemetry-hooks';
import type { AckMetrics } from './ack-metrics';
import { AckAttributes, deliveryAttributes, MessagingAttributes, patternAttribute, settlementAttributes } from './messaging-attributes';
import type { TelemetryParts } from './telemetry-parts';

/**
 * A CONSUMER span per delivery (child of, or linked to, the producer's span
 * found in the headers), active while the handler runs, ended once the policy
 * was applied; and the consumed / settled counters.
 */
export class DeliveryTelemetry implements DeliveryObserver {
  constructor(private readonly parts: TelemetryParts) {}

  onDelivery({ transport, message }: DeliveryInfo): DeliveryObservation {
    const { tracer, propagator, metrics, consumerSpan } = this.parts;
    const attributes = deliveryAttributes(transport, message);
    const metricAttributes: Attributes = { [MessagingAttributes.SYSTEM]: transport, [MessagingAttributes.DESTINATION]: attributes[MessagingAttributes.DESTINATION] };
    // A NATS subject is the producer's choice inside a wildcard: the handler's pattern names the destination once routed.
    const namedByPattern = message.source.subject !== undefined;
    if (!tracer) return new ObservedDelivery(undefined, ROOT_CONTEXT, metricAttributes, metrics, namedByPattern);
    const sent = propagator.extract(ROOT_CONTEXT, message.headers, defaultTextMapGetter);
    const producer = trace.getSpanContext(sent);
    const name = `process ${String(attributes[MessagingAttributes.DESTINATION])}`;
    const span = consumerSpan === 'link'
      ? tracer.startSpan(name, { kind: SpanKind.CONSUMER, attributes, links: producer ? [{ context: producer }] : [] }, ROOT_CONTEXT)
      : tracer.startSpan(name, { kind: SpanKind.CONSUMER, attributes }, sent);
    return new ObservedDelivery(span, trace.setSpan(consumerSpan === 'link' ? ROOT_CONTEXT : sent, span), metricAttributes, metrics, namedByPattern);
  }
}

class ObservedDelivery implements DeliveryObservation {
  private settlementEvent?: SettlementEvent;
  private ended = false;
  /** Set when the handler failed (a control exception is no failure). */
  private failure?: { error: unknown };

  constructor(
    private readonly span: Span | undefined,
    private readonly active: Context,
    private readonly metricAttributes: Attributes,
    private readonly metrics: AckMetrics | undefined,
    private readonly namedByPattern: boolean,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return context.with(this.active, work);
  }

  routed(pattern: string): void {
    if (!this.namedByPattern) return;
    this.metricAttributes[MessagingAttributes.DESTINATION] = pattern;
    this.span?.setAttribute(MessagingAttributes.DESTINATION, pattern);
    this.span?.updateName(`process ${pattern}`);
  }

  failed(error: unknown): void {
    this.failure = { error };
  }

  settled(event: SettlementEvent): void {
    const outcome = settlementAttributes(event.settlement);
    // A MANUAL handler may settle after its processing ended: counted, but its span is closed already.
    if (!this.ended) {
      this.settlementEvent = event;
      this.span?.setAttributes(outcome);
    }
    this.metrics?.settled({ ...this.metricAttributes, [AckAttributes.PATTERN]: patternAttribute(event.pattern, event.settlement), ...outcome });
  }

  finished(event: HandledEvent | undefined): void {
    this.ended = true;
    const settlement = this.settlementEvent?.settlement;
    const pattern = event ? patternAttribute(event.pattern, event.outcome === 'refused' ? settlement ?? { kind: 'reject', reason: 'no-handler' } : settlement) : undefined;
    const failed = !event || this.failure !== undefined;
    const error = this.failure?.error;
    if (this.metrics && event) {
      const attributes: Attributes = { ...this.metricAttributes, [AckAttributes.PATTERN]: pattern };
      if (settlement) Object.assign(attributes, settlementAttributes(settlement));
      if (failed) attributes[MessagingAttributes.ERROR_TYPE] = errorType(error);
      this.metrics.consumed(attributes, event.durationMs);
    }
    const span = this.span;
    if (!span) return;
    if (pattern !== undefined) span.setAttribute(AckAttributes.PATTERN, pattern);
    if (!settlement) span.setAttribute(AckAttributes.OUTCOME, 'unsettled');
    if (failed) {
      if (error instanceof Error) span.recordException(error);
      span.setAttribute(MessagingAttributes.ERROR_TYPE, errorType(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: event ? describe(error) : 'unexpected processing failure' });
    }
    span.end();
  }
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : '_OTHER';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'the handler failed';
}
