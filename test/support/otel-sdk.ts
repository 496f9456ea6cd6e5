import { context, metrics, propagation, trace, type Attributes } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { MeterProvider, MetricReader, type DataPoint } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Collects on demand (`collect()`), nothing periodic. */
class OnDemandReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/**
 * The OpenTelemetry SDK as an application sets it up, with in-memory exporters:
 * global tracer provider, W3C propagator, AsyncLocalStorage context manager,
 * global meter provider. Spans are exported as they end.
 */
export class TestOtel {
  readonly spans = new InMemorySpanExporter();
  readonly tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(this.spans)] });
  private readonly reader = new OnDemandReader();
  readonly meterProvider = new MeterProvider({ readers: [this.reader] });
  private readonly contextManager = new AsyncLocalStorageContextManager();

  install(): this {
    trace.setGlobalTracerProvider(this.tracerProvider);
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(this.contextManager.enable());
    metrics.setGlobalMeterProvider(this.meterProvider);
    return this;
  }

  async uninstall(): Promise<void> {
    trace.disable();
    propagation.disable();
    context.disable();
    metrics.disable();
    await this.tracerProvider.shutdown();
    await this.meterProvider.shutdown();
  }

  /** Finished spans whose attributes include every entry of `attributes`. */
  finishedSpans(attributes: Attributes = {}): ReadableSpan[] {
    return this.spans.getFinishedSpans().filter((span) => matches(span.attributes, attributes));
  }

  /** Sum of a counter's data points whose attributes include every entry of `attributes` (0 when none). */
  async counter(name: string, attributes: Attributes): Promise<number> {
    const { resourceMetrics, errors } = await this.reader.collect();
    if (errors.length > 0) throw errors[0];
    let total = 0;
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        if (metric.descriptor.name !== name) continue;
        for (const point of metric.dataPoints as DataPoint<unknown>[]) {
          if (matches(point.attributes, attributes)) total += typeof point.value === 'number' ? point.value : (point.value as { count: number }).count;
        }
      }
    }
    return total;
  }
}

function matches(actual: Attributes, expected: Attributes): boolean {
  return Object.entries(expected).every(([key, value]) => actual[key] === value);
}
