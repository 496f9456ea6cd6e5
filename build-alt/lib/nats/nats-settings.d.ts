import type { ConsumerConfig, StreamConfig } from '@nats-io/jetstream';
import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { NatsAckServerOptions } from './nats-ack-server-options';
export declare const DEFAULT_NATS_SERVERS = "nats://127.0.0.1:4222";
export declare const DEFAULT_CONSUMER = "nestjs-ack";
/** The dead-letter target with every name filled in. */
export interface NatsDeadLetterTarget {
    stream: string;
    subjectPrefix: string;
    publishTimeoutMs: number;
}
/** `NatsAckServerOptions` (broker part) with defaults applied and checked. */
export interface NatsServerSettings {
    servers: string[];
    connection?: NatsConnection;
    connectionOptions: Omit<ConnectionOptions, 'servers'>;
    stream: string;
    ensureStream: false | Partial<StreamConfig>;
    ensureConsumer: boolean;
    subjects?: string[];
    consumer: string;
    ackWaitMs: number;
    maxAckPending: number;
    batchSize: number;
    consumerConfig: Partial<ConsumerConfig>;
    deadLetter: NatsDeadLetterTarget | false;
}
export declare function isSubject(value: unknown): value is string;
/** Validates the broker options; every error names the option and what is allowed. */
export declare function resolveNatsSettings(options: NatsAckServerOptions, concurrency: number): NatsServerSettings;
