import type { Channel, ConsumeMessage } from 'amqplib';
import type { InboundMessage } from '../core/inbound-message';
import { deliveryCountOf, type DeliveryCountTrust } from './rabbit-delivery-count';
import { messageKey, toStringHeaders } from './rabbit-headers';
import { rabbitMessageSize } from './rabbit-message-size';
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
  /** Which count headers of this connection's deliveries are believed (the broker's version is per connection). */
  readonly countTrust: DeliveryCountTrust;
  /** The AMQP `user-id` of this connection's republished copies: the user it authenticated as. */
  readonly userId: string;
}

/** A RabbitMQ delivery as `RabbitAckServer` processes it. */
export interface RabbitMessage extends InboundMessage {
  /** The delivery as amqplib gave it (fields, properties, content). */
  raw: ConsumeMessage;
  /** The connection's channels at the time of delivery; settles go there and nowhere else. */
  session: RabbitSession;
}

/**
 * Builds the message handed to the base server. A message over
 * `maxMessageBytes` keeps its headers undecoded (the base server dead-letters
 * it on its `size` before reading them; the dead letter copies the raw ones).
 */
export function toRabbitMessage(raw: ConsumeMessage, session: RabbitSession, queue: string, maxMessageBytes: number): RabbitMessage {
  return new ConsumedMessage(raw, session, queue, maxMessageBytes);
}

/**
 * A class rather than an object literal: its lazy `key` getter lives on the
 * prototype, and a literal with a getter is built by V8's slow path, on every
 * delivery.
 */
class ConsumedMessage implements RabbitMessage {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
  readonly deliveryCount: number;
  readonly source: Record<string, string | number>;
  readonly replyTo: string | undefined;
  readonly correlationId: string | undefined;
  readonly size: number;
  private readonly messageId: string | undefined;
  private cachedKey: string | undefined;

  constructor(
    readonly raw: ConsumeMessage,
    readonly session: RabbitSession,
    queue: string,
    maxMessageBytes: number,
  ) {
    const { properties, fields } = raw;
    const messageId = typeof properties.messageId === 'string' && properties.messageId !== '' ? properties.messageId : undefined;
    const source: Record<string, string | number> = { queue };
    if (fields.exchange) source.exchange = fields.exchange;
    if (fields.routingKey && fields.routingKey !== queue) source.routingKey = fields.routingKey;
    if (messageId) source.messageId = messageId;
    this.body = raw.content;
    this.size = rabbitMessageSize(raw);
    this.headers = this.size > maxMessageBytes ? {} : toStringHeaders(properties.headers);
    this.deliveryCount = deliveryCountOf({ headers: properties.headers, redelivered: fields.redelivered, userId: properties.userId }, session.countTrust);
    this.source = source;
    this.replyTo = typeof properties.replyTo === 'string' && properties.replyTo !== '' ? properties.replyTo : undefined;
    this.correlationId = properties.correlationId === undefined || properties.correlationId === null ? undefined : String(properties.correlationId);
    this.messageId = messageId;
  }

  /**
   * Without a message id the key is a SHA-1 of body and headers; only failures need it, so it is
   * computed on first use (hashing every delivery cost about a fifth of the transport's own work).
   */
  get key(): string {
    return (this.cachedKey ??= messageKey(this.messageId, this.raw.content, this.headers));
  }
}
