import { type Attributes } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
/**
 * The OpenTelemetry SDK as an application sets it up, with in-memory exporters:
 * global tracer provider, W3C propagator, AsyncLocalStorage context manager,
 * global meter provider. Spans are exported as they end.
 */
export declare class TestOtel {
    readonly spans: InMemorySpanExporter;
    readonly tracerProvider: BasicTracerProvider;
    private readonly reader;
    readonly meterProvider: MeterProvider;
    private readonly contextManager;
    install(): this;
    uninstall(): Promise<void>;
    /** Finished spans whose attributes include every entry of `attributes`. */
    finishedSpans(attributes?: Attributes): ReadableSpan[];
    /** Sum of a counter's data points whose attributes include every entry of `attributes` (0 when none). */
    counter(name: string, attributes: Attributes): Promise<number>;
}
