import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AckTelemetryOptions } from './ack-telemetry-options';
import { instrumentAck, type AckInstrumentation } from './instrument-ack';

/** Injection token of the running `AckInstrumentation`. */
export const ACK_INSTRUMENTATION = Symbol('nestjs-ack:instrumentation');

/** Turns the instrumentation off once the application closed (its servers drained first). */
class AckInstrumentationLifetime implements OnApplicationShutdown {
  constructor(readonly instrumentation: AckInstrumentation) {}

  onApplicationShutdown(): void {
    this.instrumentation.disable();
  }
}

/**
 * `instrumentAck(options)` as a Nest module: import
 * `AckTelemetryModule.forRoot()` next to `AckModule.forRoot()`. The spans
 * and measurements go to the global OpenTelemetry providers unless the options
 * name others; the SDK itself is set up as usual (`@opentelemetry/sdk-node`).
 */
@Module({})
export class AckTelemetryModule {
  static forRoot(options: AckTelemetryOptions = {}): DynamicModule {
    return {
      module: AckTelemetryModule,
      global: true,
      providers: [
        { provide: AckInstrumentationLifetime, useFactory: () => new AckInstrumentationLifetime(instrumentAck(options)) },
        { provide: ACK_INSTRUMENTATION, useFactory: (lifetime: AckInstrumentationLifetime) => lifetime.instrumentation, inject: [AckInstrumentationLifetime] },
      ],
      exports: [ACK_INSTRUMENTATION],
    };
  }
}
