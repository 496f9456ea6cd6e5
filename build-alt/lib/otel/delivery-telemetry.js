"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeliveryTelemetry = void 0;
const api_1 = require("@opentelemetry/api");
const messaging_attributes_1 = require("./messaging-attributes");
/**
 * A CONSUMER span per delivery (child of, or linked to, the producer's span
 * found in the headers), active while the handler runs, ended once the policy
 * was applied; and the consumed / settled counters.
 */
class DeliveryTelemetry {
    parts;
    constructor(parts) {
        this.parts = parts;
    }
    onDelivery({ transport, message }) {
        const { tracer, propagator, metrics, consumerSpan } = this.parts;
        const attributes = (0, messaging_attributes_1.deliveryAttributes)(transport, message);
        const metricAttributes = { [messaging_attributes_1.MessagingAttributes.SYSTEM]: transport, [messaging_attributes_1.MessagingAttributes.DESTINATION]: attributes[messaging_attributes_1.MessagingAttributes.DESTINATION] };
        if (!tracer)
            return new ObservedDelivery(undefined, api_1.ROOT_CONTEXT, metricAttributes, metrics);
        const sent = propagator.extract(api_1.ROOT_CONTEXT, message.headers, api_1.defaultTextMapGetter);
        const producer = api_1.trace.getSpanContext(sent);
        const name = `process ${String(attributes[messaging_attributes_1.MessagingAttributes.DESTINATION])}`;
        const span = consumerSpan === 'link'
            ? tracer.startSpan(name, { kind: api_1.SpanKind.CONSUMER, attributes, links: producer ? [{ context: producer }] : [] }, api_1.ROOT_CONTEXT)
            : tracer.startSpan(name, { kind: api_1.SpanKind.CONSUMER, attributes }, sent);
        return new ObservedDelivery(span, api_1.trace.setSpan(consumerSpan === 'link' ? api_1.ROOT_CONTEXT : sent, span), metricAttributes, metrics);
    }
}
exports.DeliveryTelemetry = DeliveryTelemetry;
class ObservedDelivery {
    span;
    active;
    metricAttributes;
    metrics;
    settlementEvent;
    ended = false;
    /** Set when the handler failed (a control exception is no failure). */
    failure;
    constructor(span, active, metricAttributes, metrics) {
        this.span = span;
        this.active = active;
        this.metricAttributes = metricAttributes;
        this.metrics = metrics;
    }
    run(work) {
        return api_1.context.with(this.active, work);
    }
    failed(error) {
        this.failure = { error };
    }
    settled(event) {
        const outcome = (0, messaging_attributes_1.settlementAttributes)(event.settlement);
        // A MANUAL handler may settle after its processing ended: counted, but its span is closed already.
        if (!this.ended) {
            this.settlementEvent = event;
            this.span?.setAttributes(outcome);
        }
        this.metrics?.settled({ ...this.metricAttributes, [messaging_attributes_1.AckAttributes.PATTERN]: (0, messaging_attributes_1.patternAttribute)(event.pattern, event.settlement), ...outcome });
    }
    finished(event) {
        this.ended = true;
        const settlement = this.settlementEvent?.settlement;
        const pattern = event ? (0, messaging_attributes_1.patternAttribute)(event.pattern, event.outcome === 'refused' ? settlement ?? { kind: 'reject', reason: 'no-handler' } : settlement) : undefined;
        const failed = !event || this.failure !== undefined;
        const error = this.failure?.error;
        if (this.metrics && event) {
            const attributes = { ...this.metricAttributes, [messaging_attributes_1.AckAttributes.PATTERN]: pattern };
            if (settlement)
                Object.assign(attributes, (0, messaging_attributes_1.settlementAttributes)(settlement));
            if (failed)
                attributes[messaging_attributes_1.MessagingAttributes.ERROR_TYPE] = errorType(error);
            this.metrics.consumed(attributes, event.durationMs);
        }
        const span = this.span;
        if (!span)
            return;
        if (pattern !== undefined)
            span.setAttribute(messaging_attributes_1.AckAttributes.PATTERN, pattern);
        if (!settlement)
            span.setAttribute(messaging_attributes_1.AckAttributes.OUTCOME, 'unsettled');
        if (failed) {
            if (error instanceof Error)
                span.recordException(error);
            span.setAttribute(messaging_attributes_1.MessagingAttributes.ERROR_TYPE, errorType(error));
            span.setStatus({ code: api_1.SpanStatusCode.ERROR, message: event ? describe(error) : 'unexpected processing failure' });
        }
        span.end();
    }
}
function errorType(error) {
    return error instanceof Error ? error.name : '_OTHER';
}
function describe(error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : 'the handler failed';
}
//# sourceMappingURL=delivery-telemetry.js.map