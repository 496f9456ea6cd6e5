import { context, defaultTextMapSetter, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { PublishInfo, PublishObservation, PublishObserver } from '../core/telemetry-hooks';
import type { AckMetrics } from './ack-metrics';
import { AckAttributes, MessagingAttributes } from './messaging-attributes';
import type { TelemetryParts } from './telemetry-parts';

/**
 * A PRODUCER span per publish, child of the active span, whose context goes
 * into the message headers (`traceparent` / `tracestate` with the W3C
 * propagator); and the sent counter.
 */
export class PublishTelemetry implements PublishObserver {
  constructor(private readonly parts: TelemetryParts) {}

  onPublish(info: PublishInfo): PublishObservation {
    const { tracer, propagator, metrics } = this.parts;
    const metricAttributes: Attributes = { [MessagingAttributes.SYSTEM]: info.transport, [MessagingAttributes.DESTINATION]: info.destination, [AckAttributes.PATTERN]: info.pattern };
    const headers: Record<string, string> = {};
    if (!tracer) return new ObservedPublish(undefined, context.active(), headers, metricAttributes, metrics);
    const span = tracer.startSpan(`send ${info.destination}`, {
      kind: SpanKind.PRODUCER,
      attributes: {
        ...metricAttributes,
        [MessagingAttributes.OPERATION_TYPE]: 'send',
        [MessagingAttributes.OPERATION_NAME]: 'send',
        [MessagingAttributes.OPERATION]: 'publish',
      },
    });
    const active = trace.setSpan(context.active(), span);
    propagator.inject(active, headers, defaultTextMapSetter);
    return new ObservedPublish(span, active, headers, metricAttributes, metrics);
  }
}

class ObservedPublish implements PublishObservation {
  constructor(
    private readonly span: Span | undefined,
    private readonly active: Context,
    readonly headers: Record<string, string>,
    private readonly metricAttributes: Attributes,
    private readonly metrics: AckMetrics | undefined,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return context.with(this.active, work);
  }

  ended(error?: unknown): void {
    const errorType = error === undefined ? undefined : error instanceof Error ? error.name : '_OTHER';
    this.metrics?.sent(errorType === undefined ? this.metricAttributes : { ...this.metricAttributes, [MessagingAttributes.ERROR_TYPE]: errorType });
    const span = this.span;
    if (!span) return;
    if (errorType !== undefined) {
      if (error instanceof Error) span.recordException(error);
      span.setAttribute(MessagingAttributes.ERROR_TYPE, errorType);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : 'the publish failed' });
    }
    span.end();
  }
}
