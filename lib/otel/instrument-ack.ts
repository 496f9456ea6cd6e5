import { propagation, trace } from '@opentelemetry/api';
import { setAckObservers } from '../core/telemetry-hooks';
import { AckMetrics } from './ack-metrics';
import type { AckTelemetryOptions } from './ack-telemetry-options';
import { DeliveryTelemetry } from './delivery-telemetry';
import { INSTRUMENTATION_NAME } from './instrumentation-scope';
import { PublishTelemetry } from './publish-telemetry';
import type { TelemetryParts } from './telemetry-parts';

/** What `instrumentAck()` returns. */
export interface AckInstrumentation {
  /** Stops observing: later deliveries and publishes get no spans, measurements or headers. */
  disable(): void;
}

/**
 * Traces and measures every nestjs-ack server and client in the process:
 * a CONSUMER span per delivery, a PRODUCER span per publish with its trace
 * context in the message headers, and the counters of `AckMetricNames`.
 * Call it once, where the OpenTelemetry SDK is set up (before or after
 * `sdk.start()`); a later call replaces the earlier one. In a Nest module
 * tree, `AckTelemetryModule.forRoot()` calls it for you.
 */
export function instrumentAck(options: AckTelemetryOptions = {}): AckInstrumentation {
  const parts: TelemetryParts = {
    // The global provider is a proxy: an SDK registered later is still used.
    tracer: options.traces === false ? undefined : (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME),
    propagator: options.propagator ?? propagation,
    metrics: options.metrics === false ? undefined : new AckMetrics(options.meterProvider),
    consumerSpan: options.consumerSpan ?? 'parent',
  };
  const observers = { deliveries: new DeliveryTelemetry(parts), publishes: new PublishTelemetry(parts) };
  setAckObservers(observers);
  let enabled = true;
  return {
    disable: () => {
      if (!enabled) return;
      enabled = false;
      setAckObservers(undefined);
    },
  };
}
