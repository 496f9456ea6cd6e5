import type { MeterProvider, TextMapPropagator, TracerProvider } from '@opentelemetry/api';
/** Options of `instrumentAck()` and `AckTelemetryModule.forRoot()`. */
export interface AckTelemetryOptions {
    /** Where spans go. @defaultValue the global tracer provider (`trace.getTracerProvider()`), looked up at each span */
    tracerProvider?: TracerProvider;
    /** Where counters and histograms go. @defaultValue the global meter provider (`metrics.getMeterProvider()`), looked up at the first measurement */
    meterProvider?: MeterProvider;
    /**
     * How the trace context goes into and out of message headers.
     * @defaultValue the global propagator (`propagation`): W3C `traceparent` / `tracestate` with the
     * OpenTelemetry Node SDK's defaults; nothing is carried while no propagator is registered
     */
    propagator?: TextMapPropagator;
    /** A PRODUCER span per publish and a CONSUMER span per delivery. @defaultValue true */
    traces?: boolean;
    /** The counters and the processing-duration histogram. @defaultValue true */
    metrics?: boolean;
    /**
     * How a consumer span relates to the producer's span found in the headers:
     * `'parent'` makes it a child (one trace from producer to consumer), `'link'`
     * starts a new trace that links to it.
     * @defaultValue 'parent'
     */
    consumerSpan?: 'parent' | 'link';
}
