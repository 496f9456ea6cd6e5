import type { Attributes } from '@opentelemetry/api';
import type { InboundMessage } from '../core/inbound-message';
import type { Settlement } from '../core/settlement';
/** OpenTelemetry messaging semantic-convention attribute names (written out: `@opentelemetry/semantic-conventions` is not a dependency). */
export declare const MessagingAttributes: {
    readonly SYSTEM: 'messaging.system';
    readonly DESTINATION: 'messaging.destination.name';
    /** `send` or `process` (conventions >= 1.26). */
    readonly OPERATION_TYPE: 'messaging.operation.type';
    readonly OPERATION_NAME: 'messaging.operation.name';
    /** `publish` or `process`: the name before conventions 1.26, still read by many backends. */
    readonly OPERATION: 'messaging.operation';
    readonly MESSAGE_ID: 'messaging.message.id';
    readonly CONVERSATION_ID: 'messaging.message.conversation_id';
    readonly BODY_SIZE: 'messaging.message.body.size';
    readonly PARTITION: 'messaging.destination.partition.id';
    readonly CONSUMER_GROUP: 'messaging.consumer.group.name';
    readonly KAFKA_OFFSET: 'messaging.kafka.offset';
    readonly ERROR_TYPE: 'error.type';
};
/** nestjs-ack's own attributes. */
export declare const AckAttributes: {
    /** The Nest pattern (`_OTHER` for one the server has no handler for: it comes from the sender). */
    readonly PATTERN: 'nestjs_ack.pattern';
    /** `ack`, `nack` or `reject` (dead-lettered, or dropped where the transport's dead-lettering is off). */
    readonly OUTCOME: 'nestjs_ack.outcome';
    /** Why a reject: `handler-error`, `max-deliveries`, `deserialization`, `no-handler`, `rejected`, or the handler's own. */
    readonly REJECT_REASON: 'nestjs_ack.reject_reason';
    /** 1 on the first delivery. */
    readonly DELIVERY_COUNT: 'nestjs_ack.delivery_count';
};
/** The queue, topic, subject or stream a delivery came from. */
export declare function destinationOf(message: InboundMessage): string;
/** The attributes of a consumer span known when the delivery arrives. */
export declare function deliveryAttributes(transport: string, message: InboundMessage): Attributes;
/** The pattern as an attribute value: `_OTHER` when the server did not route the message by it. */
export declare function patternAttribute(pattern: string, settlement: Settlement | undefined): string;
/** Outcome attributes of a settlement. */
export declare function settlementAttributes(settlement: Settlement): Attributes;
