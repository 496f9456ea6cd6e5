import { type DynamicModule } from '@nestjs/common';
import type { AckTelemetryOptions } from './ack-telemetry-options';
/** Injection token of the running `AckInstrumentation`. */
export declare const ACK_INSTRUMENTATION: unique symbol;
/**
 * `instrumentAck(options)` as a Nest module: import
 * `AckTelemetryModule.forRoot()` next to `AckModule.forRoot()`. The spans
 * and measurements go to the global OpenTelemetry providers unless the options
 * name others; the SDK itself is set up as usual (`@opentelemetry/sdk-node`).
 */
export declare class AckTelemetryModule {
    static forRoot(options?: AckTelemetryOptions): DynamicModule;
}
