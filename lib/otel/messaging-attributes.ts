import type { Attributes } from '@opentelemetry/api';
import type { InboundMessage } from '../core/inbound-message';
import type { Settlement } from '../core/settlement';
import { RejectReason } from '../core/settlement';

/** OpenTelemetry messaging semantic-convention attribute names (written out: `@opentelemetry/semantic-conventions` is not a dependency). */
export const MessagingAttributes = {
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
} as const;

/** nestjs-ack's own attributes. */
export const AckAttributes = {
  /** The Nest pattern (`_OTHER` for one the server has no handler for: it comes from the sender). */
  PATTERN: 'nestjs_ack.pattern',
  /** `ack`, `nack` or `reject` (dead-lettered, or dropped where the transport's dead-lettering is off). */
  OUTCOME: 'nestjs_ack.outcome',
  /** Why a reject: `handler-error`, `max-deliveries`, `deserialization`, `no-handler`, `rejected`, or the handler's own. */
  REJECT_REASON: 'nestjs_ack.reject_reason',
  /** 1 on the first delivery. */
  DELIVERY_COUNT: 'nestjs_ack.delivery_count',
} as const;

/** Patterns a sender can make up: not used as an attribute value, so metrics keep a bounded set of series. */
const UNTRUSTED_PATTERN = '_OTHER';

/**
 * The destination known when a delivery arrives: the queue, topic or stream
 * the server was configured to read, never a NATS subject (producers choose it
 * inside a wildcard: unbounded as a metric label or span name). On NATS the
 * handler's pattern replaces the stream once routed (`DeliveryObservation.routed`).
 */
export function destinationOf(message: InboundMessage): string {
  const { source } = message;
  return String(source.queue ?? source.topic ?? source.stream ?? 'unknown');
}

/** The attributes of a consumer span known when the delivery arrives. */
export function deliveryAttributes(transport: string, message: InboundMessage): Attributes {
  const { source, headers } = message;
  const attributes: Attributes = {
    [MessagingAttributes.SYSTEM]: transport,
    [MessagingAttributes.DESTINATION]: destinationOf(message),
    [MessagingAttributes.OPERATION_TYPE]: 'process',
    [MessagingAttributes.OPERATION_NAME]: 'process',
    [MessagingAttributes.OPERATION]: 'process',
    [MessagingAttributes.BODY_SIZE]: message.body.length,
    [AckAttributes.DELIVERY_COUNT]: message.deliveryCount,
  };
  const messageId = headers['Nats-Msg-Id'] ?? source.messageId ?? (transport === 'kafka' ? undefined : source.id);
  if (messageId !== undefined) attributes[MessagingAttributes.MESSAGE_ID] = String(messageId);
  if (message.correlationId !== undefined) attributes[MessagingAttributes.CONVERSATION_ID] = message.correlationId;
  if (source.partition !== undefined) attributes[MessagingAttributes.PARTITION] = String(source.partition);
  if (transport === 'kafka' && source.offset !== undefined) attributes[MessagingAttributes.KAFKA_OFFSET] = Number(source.offset);
  const group = source.group ?? source.consumer;
  if (group !== undefined) attributes[MessagingAttributes.CONSUMER_GROUP] = String(group);
  return attributes;
}

/** The pattern as an attribute value: `_OTHER` when the server did not route the message by it. */
export function patternAttribute(pattern: string, settlement: Settlement | undefined): string {
  const untrusted = settlement?.kind === 'reject' && (settlement.reason === RejectReason.NO_HANDLER || settlement.reason === RejectReason.DESERIALIZATION);
  return untrusted ? UNTRUSTED_PATTERN : pattern;
}

/** Outcome attributes of a settlement. */
export function settlementAttributes(settlement: Settlement): Attributes {
  const attributes: Attributes = { [AckAttributes.OUTCOME]: settlement.kind };
  if (settlement.kind === 'reject') attributes[AckAttributes.REJECT_REASON] = settlement.reason;
  return attributes;
}
