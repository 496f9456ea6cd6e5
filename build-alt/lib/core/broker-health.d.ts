import type { AckServerStatus } from './settlement-event';
/**
 * What a server's broker says about it right now, from `server.probeHealth()`.
 * The health indicator (`nestjs-ack/health`) turns it into a terminus result.
 */
export interface BrokerHealth {
    /** The transport (`rabbitmq`, `kafka`, `nats`, `redis`, `postgres`, `in-memory`). */
    transport: string;
    /** The server's last lifecycle status (`connected`, `reconnecting`, ...). */
    state: AckServerStatus;
    /** The connection is up and the broker answered this probe. */
    connected: boolean;
    /** The consumer is receiving deliveries (subscribed, not cancelled, not crashed, intake not stopped). */
    consuming: boolean;
    /**
     * Messages waiting for this server, as the broker counts them: RabbitMQ ready messages of the queue,
     * Kafka consumer-group lag, JetStream `num_pending`, Redis Streams group `lag`, PostgreSQL claimable
     * rows. Undefined when the broker could not tell.
     */
    backlog?: number;
    /** Transport-specific figures behind `backlog` (per queue, topic, consumer or stream). */
    details?: Record<string, unknown>;
}
