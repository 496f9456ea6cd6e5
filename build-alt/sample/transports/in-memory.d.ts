import { type SampleTransport } from '../transport';
/** No broker needed: the in-memory transport of `nestjs-ack/testing`, one queue for every pattern. */
export declare function inMemoryTransport(): Promise<SampleTransport>;
