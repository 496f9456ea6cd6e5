import { type SampleTransport } from '../transport';
/** RabbitMQ: one quorum queue for every pattern, its dead letters in `<queue>.dlq`. */
export declare function rabbitTransport(): Promise<SampleTransport>;
