import type { SampleTransport } from '../transport';
/**
 * NATS JetStream: a stream of this run capturing every pattern's subject,
 * durable pull consumers, dead letters in `<stream>_DLQ`. The broker's view:
 * the consumers' info (pending, ack pending) and the dead-letter stream read back.
 */
export declare function natsTransport(patterns: string[]): Promise<SampleTransport>;
