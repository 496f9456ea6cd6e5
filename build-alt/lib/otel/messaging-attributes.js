"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckAttributes = exports.MessagingAttributes = void 0;
exports.destinationOf = destinationOf;
exports.deliveryAttributes = deliveryAttributes;
exports.patternAttribute = patternAttribute;
exports.settlementAttributes = settlementAttributes;
const settlement_1 = require("../core/settlement");
/** OpenTelemetry messaging semantic-convention attribute names (written out: `@opentelemetry/semantic-conventions` is not a dependency). */
exports.MessagingAttributes = {
    SYSTEM: 'messaging.system',
    DESTINATION: 'messaging.destination.name',
    /** `send` or `process` (conventions >= 1.26). */
    OPERATION_TYPE: 'messaging.operation.type',
    OPERATION_NAME: 'messaging.operation.name',
    /** `publish` or `process`: the name before conventions 1.26, still read by many backends. */
    OPERATION: 'messaging.operation',
    MESSAGE_ID: 'messaging.message.id',
    CONVERSATION_ID: 'messaging.message.conversation_id',
    BODY_SIZE: 'messaging.message.body.size',
    PARTITION: 'messaging.destination.partition.id',
    CONSUMER_GROUP: 'messaging.consumer.group.name',
    KAFKA_OFFSET: 'messaging.kafka.offset',
    ERROR_TYPE: 'error.type',
};
/** nestjs-ack's own attributes. */
exports.AckAttributes = {
    /** The Nest pattern (`_OTHER` for one the server has no handler for: it comes from the sender). */
    PATTERN: 'nestjs_ack.pattern',
    /** `ack`, `nack` or `reject` (dead-lettered, or dropped where the transport's dead-lettering is off). */
    OUTCOME: 'nestjs_ack.outcome',
    /** Why a reject: `handler-error`, `max-deliveries`, `deserialization`, `no-handler`, `rejected`, or the handler's own. */
    REJECT_REASON: 'nestjs_ack.reject_reason',
    /** 1 on the first delivery. */
    DELIVERY_COUNT: 'nestjs_ack.delivery_count',
};
/** Patterns a sender can make up: not used as an attribute value, so metrics keep a bounded set of series. */
const UNTRUSTED_PATTERN = '_OTHER';
/** The queue, topic, subject or stream a delivery came from. */
function destinationOf(message) {
    const { source } = message;
    return String(source.queue ?? source.topic ?? source.subject ?? source.stream ?? message.pattern ?? 'unknown');
}
/** The attributes of a consumer span known when the delivery arrives. */
function deliveryAttributes(transport, message) {
    const { source, headers } = message;
    const attributes = {
        [exports.MessagingAttributes.SYSTEM]: transport,
        [exports.MessagingAttributes.DESTINATION]: destinationOf(message),
        [exports.MessagingAttributes.OPERATION_TYPE]: 'process',
        [exports.MessagingAttributes.OPERATION_NAME]: 'process',
        [exports.MessagingAttributes.OPERATION]: 'process',
        [exports.MessagingAttributes.BODY_SIZE]: message.body.length,
        [exports.AckAttributes.DELIVERY_COUNT]: message.deliveryCount,
    };
    const messageId = headers['Nats-Msg-Id'] ?? source.messageId ?? (transport === 'kafka' ? undefined : source.id);
    if (messageId !== undefined)
        attributes[exports.MessagingAttributes.MESSAGE_ID] = String(messageId);
    if (message.correlationId !== undefined)
        attributes[exports.MessagingAttributes.CONVERSATION_ID] = message.correlationId;
    if (source.partition !== undefined)
        attributes[exports.MessagingAttributes.PARTITION] = String(source.partition);
    if (transport === 'kafka' && source.offset !== undefined)
        attributes[exports.MessagingAttributes.KAFKA_OFFSET] = Number(source.offset);
    const group = source.group ?? source.consumer;
    if (group !== undefined)
        attributes[exports.MessagingAttributes.CONSUMER_GROUP] = String(group);
    return attributes;
}
/** The pattern as an attribute value: `_OTHER` when the server did not route the message by it. */
function patternAttribute(pattern, settlement) {
    const untrusted = settlement?.kind === 'reject' && (settlement.reason === settlement_1.RejectReason.NO_HANDLER || settlement.reason === settlement_1.RejectReason.DESERIALIZATION);
    return untrusted ? UNTRUSTED_PATTERN : pattern;
}
/** Outcome attributes of a settlement. */
function settlementAttributes(settlement) {
    const attributes = { [exports.AckAttributes.OUTCOME]: settlement.kind };
    if (settlement.kind === 'reject')
        attributes[exports.AckAttributes.REJECT_REASON] = settlement.reason;
    return attributes;
}
//# sourceMappingURL=messaging-attributes.js.map