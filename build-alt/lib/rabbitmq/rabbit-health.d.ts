import type { ChannelModel } from 'amqplib';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
/** What the probe reads from the server at the moment of a check. */
export interface RabbitHealthSource {
    queue: string;
    state: AckServerStatus;
    /** The live connection, undefined while disconnected. */
    model: ChannelModel | undefined;
    /** The consumer is registered on an open channel and intake is on. */
    consuming: boolean;
}
/**
 * Queue depth through `checkQueue` (a passive declare: ready messages and
 * consumers) on a channel of the server's own connection, kept for the next
 * check. A channel of its own: the passive declare of a missing queue closes
 * its channel (404), which on the consumer or publisher channel would recycle
 * the connection.
 */
export declare class RabbitHealthProbe {
    private channel?;
    probe(source: RabbitHealthSource): Promise<BrokerHealth>;
    private channelOn;
}
