export { AckMetricNames } from './ack-metrics';
export { ACK_INSTRUMENTATION, AckTelemetryModule } from './ack-telemetry.module';
export type { AckTelemetryOptions } from './ack-telemetry-options';
export { instrumentAck, type AckInstrumentation } from './instrument-ack';
export { INSTRUMENTATION_NAME } from './instrumentation-scope';
export { AckAttributes, MessagingAttributes } from './messaging-attributes';
