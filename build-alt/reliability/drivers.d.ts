/** The transports the harness runs. */
export type Transport = 'rabbitmq' | 'kafka' | 'nats' | 'redis' | 'postgres';
/** One message put on the broker by the harness. */
export interface RawMessage {
    body: Buffer | null;
    headers?: Record<string, string>;
    /** Reply address (RabbitMQ property, NATS header, Redis field, PostgreSQL column). */
    replyTo?: string;
    /** RabbitMQ, Redis, PostgreSQL: the correlation id that goes with `replyTo`. */
    correlationId?: string;
    /** Kafka topic, NATS subject or Redis stream other than the stream's (an unknown pattern, a request). */
    topic?: string;
    /** Redis only: the entry's fields exactly (a missing body field, headers that are not JSON). */
    fields?: Record<string, Buffer | string>;
    /** PostgreSQL only: the row's pattern column (null: none). @defaultValue the handler's pattern */
    rowPattern?: string | null;
    /** PostgreSQL only: the row's headers column as this JSON (a non-object, values that are not strings). */
    rowHeaders?: unknown;
}
export interface DeadLetter {
    /** The harness's own `x-rel-input` header of the original (which bad input it was). */
    input?: string;
    reason: string;
    deliveryCount: number;
    body: Buffer;
}
export interface Driver {
    readonly transport: Transport;
    /** Addresses the workers get (all nodes of a cluster). */
    readonly addresses: string[];
    /** Creates what must exist before a worker starts (Kafka topics); RabbitMQ's server declares its own queue. */
    prepare(stream: string, extra?: string[]): Promise<void>;
    /** Puts messages on the stream, each confirmed by the broker (all in-sync replicas on Kafka). */
    publish(stream: string, messages: RawMessage[]): Promise<void>;
    /** Messages not settled yet: ready+unacked on RabbitMQ (needs no consumer), uncommitted on Kafka. */
    outstanding(stream: string, groupId?: string): Promise<number>;
    deadLetters(stream: string): Promise<DeadLetter[]>;
    /** The worker's item handler pattern for `stream`, and where `stream` lives for the worker (queue, topic, stream, table). */
    pattern(stream: string): string;
    /** Good items `{ id }` as the transport's clients write them, for the item handler on `stream`. */
    items(stream: string, ids: number[]): RawMessage[];
    cleanup(stream: string, groupId?: string, extra?: string[]): Promise<void>;
    close(): Promise<void>;
}
/** `{ pattern, data }` as Nest's clients write it (RabbitMQ); the data alone on Kafka. */
export declare function itemMessages(transport: Transport, ids: number[]): RawMessage[];
export declare function header(value: unknown): string | undefined;
export declare class RabbitDriver implements Driver {
    readonly addresses: string[];
    readonly transport = "rabbitmq";
    private model?;
    private next;
    constructor(addresses: string[]);
    pattern(): string;
    items(_stream: string, ids: number[]): RawMessage[];
    /** A connection to the first node that answers, starting after the last one that failed. */
    private connection;
    /** Runs `work` on a fresh confirm channel; on a broken connection, again on the next node, for up to 2 minutes. */
    private withChannel;
    prepare(): Promise<void>;
    publish(queue: string, messages: RawMessage[]): Promise<void>;
    outstanding(queue: string): Promise<number>;
    deadLetters(queue: string): Promise<DeadLetter[]>;
    cleanup(queue: string): Promise<void>;
    close(): Promise<void>;
}
/** Partitions of every Kafka topic the harness creates (unless a driver is given its own). */
export declare const KAFKA_PARTITIONS = 3;
export declare class KafkaDriver implements Driver {
    readonly addresses: string[];
    private readonly options;
    readonly transport = "kafka";
    private readonly kafka;
    private admin?;
    private producer?;
    /** `leader`: 1-based index of the broker that must lead every partition (the cluster case). */
    constructor(addresses: string[], options?: {
        partitions?: number;
        leader?: number;
    });
    pattern(topic: string): string;
    items(_topic: string, ids: number[]): RawMessage[];
    private getAdmin;
    prepare(topic: string, extra?: string[]): Promise<void>;
    publish(topic: string, messages: RawMessage[]): Promise<void>;
    outstanding(topic: string, groupId?: string): Promise<number>;
    deadLetters(topic: string): Promise<DeadLetter[]>;
    cleanup(topic: string, groupId?: string, extra?: string[]): Promise<void>;
    close(): Promise<void>;
}
