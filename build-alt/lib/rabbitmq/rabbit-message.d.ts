import type { Channel, ConsumeMessage } from 'amqplib';
import type { InboundMessage } from '../core/inbound-message';
import type { ConfirmPublisher } from './rabbit-publisher';
/**
 * The channels of one connection. A delivery is settled only on the channel
 * it came from: once `open` is false its delivery tags mean nothing (the
 * broker has requeued those messages), and using them on a newer channel
 * would make RabbitMQ close it with 406.
 */
export interface RabbitSession {
    readonly consumer: Channel;
    readonly publisher: ConfirmPublisher;
    open: boolean;
    consumerTag?: string;
}
/** A RabbitMQ delivery as `RabbitAckServer` processes it. */
export interface RabbitMessage extends InboundMessage {
    /** The delivery as amqplib gave it (fields, properties, content). */
    raw: ConsumeMessage;
    /** The connection's channels at the time of delivery; settles go there and nowhere else. */
    session: RabbitSession;
}
/** Builds the message handed to the base server. */
export declare function toRabbitMessage(raw: ConsumeMessage, session: RabbitSession, queue: string): RabbitMessage;
