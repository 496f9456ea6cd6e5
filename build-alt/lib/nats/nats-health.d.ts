import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
/** What the probe reads from the server at the moment of a check. */
export interface NatsHealthSource {
    stream: string;
    /** The durable consumers the server pulls from. */
    consumers: readonly string[];
    state: AckServerStatus;
    connection: NatsConnection | undefined;
    manager: JetStreamManager | undefined;
    /** Pull subscriptions are open and intake is on. */
    consuming: boolean;
}
/**
 * JetStream consumer info of each durable consumer: `num_pending` (not yet
 * delivered, the `backlog`) and `num_ack_pending` (delivered, not settled).
 * One API request per consumer through the server's own connection.
 */
export declare function probeNats(source: NatsHealthSource): Promise<BrokerHealth>;
