"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestOtel = void 0;
const api_1 = require("@opentelemetry/api");
const context_async_hooks_1 = require("@opentelemetry/context-async-hooks");
const core_1 = require("@opentelemetry/core");
const sdk_metrics_1 = require("@opentelemetry/sdk-metrics");
const sdk_trace_base_1 = require("@opentelemetry/sdk-trace-base");
/** Collects on demand (`collect()`), nothing periodic. */
class OnDemandReader extends sdk_metrics_1.MetricReader {
    async onShutdown() { }
    async onForceFlush() { }
}
/**
 * The OpenTelemetry SDK as an application sets it up, with in-memory exporters:
 * global tracer provider, W3C propagator, AsyncLocalStorage context manager,
 * global meter provider. Spans are exported as they end.
 */
class TestOtel {
    spans = new sdk_trace_base_1.InMemorySpanExporter();
    tracerProvider = new sdk_trace_base_1.BasicTracerProvider({ spanProcessors: [new sdk_trace_base_1.SimpleSpanProcessor(this.spans)] });
    reader = new OnDemandReader();
    meterProvider = new sdk_metrics_1.MeterProvider({ readers: [this.reader] });
    contextManager = new context_async_hooks_1.AsyncLocalStorageContextManager();
    install() {
        api_1.trace.setGlobalTracerProvider(this.tracerProvider);
        api_1.propagation.setGlobalPropagator(new core_1.W3CTraceContextPropagator());
        api_1.context.setGlobalContextManager(this.contextManager.enable());
        api_1.metrics.setGlobalMeterProvider(this.meterProvider);
        return this;
    }
    async uninstall() {
        api_1.trace.disable();
        api_1.propagation.disable();
        api_1.context.disable();
        api_1.metrics.disable();
        await this.tracerProvider.shutdown();
        await this.meterProvider.shutdown();
    }
    /** Finished spans whose attributes include every entry of `attributes`. */
    finishedSpans(attributes = {}) {
        return this.spans.getFinishedSpans().filter((span) => matches(span.attributes, attributes));
    }
    /** Sum of a counter's data points whose attributes include every entry of `attributes` (0 when none). */
    async counter(name, attributes) {
        const { resourceMetrics, errors } = await this.reader.collect();
        if (errors.length > 0)
            throw errors[0];
        let total = 0;
        for (const scope of resourceMetrics.scopeMetrics) {
            for (const metric of scope.metrics) {
                if (metric.descriptor.name !== name)
                    continue;
                for (const point of metric.dataPoints) {
                    if (matches(point.attributes, attributes))
                        total += typeof point.value === 'number' ? point.value : point.value.count;
                }
            }
        }
        return total;
    }
}
exports.TestOtel = TestOtel;
function matches(actual, expected) {
    return Object.entries(expected).every(([key, value]) => actual[key] === value);
}
//# sourceMappingURL=otel-sdk.js.map