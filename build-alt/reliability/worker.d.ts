import 'reflect-metadata';
import type { AckPolicy } from '../lib/core';
import type { Transport } from './drivers';
export interface WorkerConfig {
    transport: Transport;
    /** RabbitMQ URLs, Kafka brokers, NATS servers; Redis and PostgreSQL: one URL. */
    addresses: string[];
    /** The harness's stream name: RabbitMQ queue, Kafka topic, Redis stream; NATS stream and PostgreSQL table are made of it. */
    queue: string;
    /** The item handler's pattern (`@EventPattern`). */
    pattern: string;
    /** Kafka, Redis: group id. Kafka: topics subscribed without a handler (their records are `no-handler`). */
    groupId?: string;
    extraTopics?: string[];
    /** Pattern of a request handler (`@MessagePattern`), besides the event handler; none when absent. */
    requestPattern?: string;
    policy: AckPolicy;
    concurrency: number;
    /** RabbitMQ prefetch. */
    prefetch?: number;
    /** Kafka commitEveryN. */
    commitEveryN?: number;
    /** Kafka maxUncommittedPerPartition (the SIGKILL window per partition). */
    maxUncommittedPerPartition?: number;
    /** NATS maxAckPending (deliveries out at once, unacked); batchSize is half of it. */
    natsWindow?: number;
    /** NATS ackWaitMs, Redis minIdleMs, PostgreSQL leaseMs: when an unsettled delivery of a dead consumer comes back. */
    redeliverAfterMs?: number;
    maxBodyBytes?: number;
    handlerDelayMs: number;
    /** Ids with id % poisonEvery === poisonEvery - 1 always throw (0: none). */
    poisonEvery?: number;
    /** Share of deliveries that throw, decided by (seed, id, delivery count). */
    flakyRate?: number;
    seed?: number;
    maxDeliveries?: number;
    backoffMs?: number;
    shutdownTimeoutMs?: number;
}
