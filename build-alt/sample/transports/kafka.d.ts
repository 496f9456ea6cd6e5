import type { SampleTransport } from '../transport';
/**
 * Kafka: one topic per pattern (created at start), dead letters in `<topic>.dlt`.
 * The broker's view: the group's committed offsets against the end offsets
 * (what is not committed is not settled), and the dead-letter topics read back.
 */
export declare function kafkaTransport(patterns: string[]): Promise<SampleTransport>;
