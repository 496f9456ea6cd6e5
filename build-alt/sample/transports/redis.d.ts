import type { SampleTransport } from '../transport';
/**
 * Redis Streams: one stream per pattern, one consumer group, dead letters in
 * `<stream>:dlq`. The broker's view: per stream, XPENDING (delivered, not
 * acked) plus entries the group has not read, and the dead-letter streams read back.
 */
export declare function redisTransport(patterns: string[]): Promise<SampleTransport>;
