import type { ConformanceAdapter } from './adapter';
/**
 * `nestjs-ack/otel` on one transport, through the broker: the producer's span
 * context travels in the message headers, and each delivery gets one CONSUMER
 * span, child of that PRODUCER span, with its outcome; the counters match.
 * `system` is the expected `messaging.system`.
 */
export declare function runTracingSuite(adapter: ConformanceAdapter, system: string): void;
