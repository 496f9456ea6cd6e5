"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.instrumentAck = instrumentAck;
const api_1 = require("@opentelemetry/api");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
const ack_metrics_1 = require("./ack-metrics");
const delivery_telemetry_1 = require("./delivery-telemetry");
const instrumentation_scope_1 = require("./instrumentation-scope");
const publish_telemetry_1 = require("./publish-telemetry");
/**
 * Traces and measures every nestjs-ack server and client in the process:
 * a CONSUMER span per delivery, a PRODUCER span per publish with its trace
 * context in the message headers, and the counters of `AckMetricNames`.
 * Call it once, where the OpenTelemetry SDK is set up (before or after
 * `sdk.start()`); a later call replaces the earlier one. In a Nest module
 * tree, `AckTelemetryModule.forRoot()` calls it for you.
 */
function instrumentAck(options = {}) {
    const parts = {
        // The global provider is a proxy: an SDK registered later is still used.
        tracer: options.traces === false ? undefined : (options.tracerProvider ?? api_1.trace.getTracerProvider()).getTracer(instrumentation_scope_1.INSTRUMENTATION_NAME),
        propagator: options.propagator ?? api_1.propagation,
        metrics: options.metrics === false ? undefined : new ack_metrics_1.AckMetrics(options.meterProvider),
        consumerSpan: options.consumerSpan ?? 'parent',
    };
    const observers = { deliveries: new delivery_telemetry_1.DeliveryTelemetry(parts), publishes: new publish_telemetry_1.PublishTelemetry(parts) };
    (0, telemetry_hooks_1.setAckObservers)(observers);
    let enabled = true;
    return {
        disable: () => {
            if (!enabled)
                return;
            enabled = false;
            (0, telemetry_hooks_1.setAckObservers)(undefined);
        },
    };
}
//# sourceMappingURL=instrument-ack.js.map