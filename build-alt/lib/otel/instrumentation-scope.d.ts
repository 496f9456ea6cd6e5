/** The instrumentation scope (tracer and meter name) of every span and instrument of `nestjs-ack/otel`. */
export declare const INSTRUMENTATION_NAME = "nestjs-ack";
