"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PublishTelemetry = void 0;
const api_1 = require("@opentelemetry/api");
const messaging_attributes_1 = require("./messaging-attributes");
/**
 * A PRODUCER span per publish, child of the active span, whose context goes
 * into the message headers (`traceparent` / `tracestate` with the W3C
 * propagator); and the sent counter.
 */
class PublishTelemetry {
    parts;
    constructor(parts) {
        this.parts = parts;
    }
    onPublish(info) {
        const { tracer, propagator, metrics } = this.parts;
        const metricAttributes = { [messaging_attributes_1.MessagingAttributes.SYSTEM]: info.transport, [messaging_attributes_1.MessagingAttributes.DESTINATION]: info.destination, [messaging_attributes_1.AckAttributes.PATTERN]: info.pattern };
        const headers = {};
        if (!tracer)
            return new ObservedPublish(undefined, api_1.context.active(), headers, metricAttributes, metrics);
        const span = tracer.startSpan(`send ${info.destination}`, {
            kind: api_1.SpanKind.PRODUCER,
            attributes: {
                ...metricAttributes,
                [messaging_attributes_1.MessagingAttributes.OPERATION_TYPE]: 'send',
                [messaging_attributes_1.MessagingAttributes.OPERATION_NAME]: 'send',
                [messaging_attributes_1.MessagingAttributes.OPERATION]: 'publish',
            },
        });
        const active = api_1.trace.setSpan(api_1.context.active(), span);
        propagator.inject(active, headers, api_1.defaultTextMapSetter);
        return new ObservedPublish(span, active, headers, metricAttributes, metrics);
    }
}
exports.PublishTelemetry = PublishTelemetry;
class ObservedPublish {
    span;
    active;
    headers;
    metricAttributes;
    metrics;
    constructor(span, active, headers, metricAttributes, metrics) {
        this.span = span;
        this.active = active;
        this.headers = headers;
        this.metricAttributes = metricAttributes;
        this.metrics = metrics;
    }
    run(work) {
        return api_1.context.with(this.active, work);
    }
    ended(error) {
        const errorType = error === undefined ? undefined : error instanceof Error ? error.name : '_OTHER';
        this.metrics?.sent(errorType === undefined ? this.metricAttributes : { ...this.metricAttributes, [messaging_attributes_1.MessagingAttributes.ERROR_TYPE]: errorType });
        const span = this.span;
        if (!span)
            return;
        if (errorType !== undefined) {
            if (error instanceof Error)
                span.recordException(error);
            span.setAttribute(messaging_attributes_1.MessagingAttributes.ERROR_TYPE, errorType);
            span.setStatus({ code: api_1.SpanStatusCode.ERROR, message: error instanceof Error ? error.message : 'the publish failed' });
        }
        span.end();
    }
}
//# sourceMappingURL=publish-telemetry.js.map