import type { TextMapPropagator, Tracer } from '@opentelemetry/api';
import type { AckMetrics } from './ack-metrics';
/** What `instrumentAck()` resolved from its options, shared by the delivery and publish sides. */
export interface TelemetryParts {
    /** Undefined when `traces: false`. */
    tracer?: Tracer;
    propagator: TextMapPropagator;
    /** Undefined when `metrics: false`. */
    metrics?: AckMetrics;
    consumerSpan: 'parent' | 'link';
}
