import type { MessageProperties, MessageFields } from 'amqplib';
import { AckContext } from '../core/ack-context';
import type { RabbitMessage } from './rabbit-message';
/** The context of `RabbitAckServer` handlers: the common one plus the AMQP fields and properties (read-only; settle through the context). */
export declare class RabbitAckContext extends AckContext<RabbitMessage> {
    /** AMQP properties (contentType, messageId, replyTo, headers as received...). */
    getProperties(): MessageProperties;
    /** AMQP delivery fields (exchange, routingKey, redelivered, deliveryTag). */
    getFields(): MessageFields;
}
