import type { AckTelemetryOptions } from './ack-telemetry-options';
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
export declare function instrumentAck(options?: AckTelemetryOptions): AckInstrumentation;
