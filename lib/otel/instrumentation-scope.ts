/** The instrumentation scope (tracer and meter name) of every span and instrument of `nestjs-ack/otel`. */
export const INSTRUMENTATION_NAME = 'nestjs-ack';
