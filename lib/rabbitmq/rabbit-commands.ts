import type { MessageProperties, Options } from 'amqplib';
import type { BrokerCommands } from '../core/broker-commands';
import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';
import { DeliveryGoneError } from '../core/errors';
import type { RabbitDelayedNacks } from './rabbit-delayed-nacks';
import { PRIOR_DELIVERIES_HEADER } from './rabbit-delivery-count';
import { withoutCountHeaders } from './rabbit-headers';
import type { RabbitMessage } from './rabbit-message';
import type { RabbitDeadLetterTarget, RabbitServerSettings } from './rabbit-settings';

/**
 * The broker side of ack / nack / reject. Every call goes to the channel the
 * message came from, and refuses when that channel is gone (the broker has
 * requeued the message; a late ack on another channel would be a 406).
 */
export class RabbitCommands implements BrokerCommands<RabbitMessage> {
  constructor(
    private readonly settings: RabbitServerSettings,
    private readonly delayedNacks: RabbitDelayedNacks,
    private readonly isClosing: () => boolean,
  ) {}

  /** Synchronous: `basic.ack` is written to the channel, the broker sends no answer. */
  ack(message: RabbitMessage): void {
    ackDelivery(message);
  }

  /** With a delay the message stays unacked on its channel until the delay ends (`RabbitDelayedNacks`); at close it goes back at once. */
  async nack(message: RabbitMessage, delayMs: number): Promise<void> {
    assertOpen(message, 'nack');
    const requeue = () => requeueDelivery(message, this.settings.queueType, this.settings.queue);
    if (delayMs > 0 && !this.isClosing()) this.delayedNacks.schedule(message, delayMs, requeue);
    else await requeue();
  }

  async reject(message: RabbitMessage, record: DeadLetterRecord): Promise<void> {
    if (this.settings.deadLetter === false) rejectDelivery(message);
    else await deadLetterDelivery(message, this.settings.deadLetter, record);
  }
}

function ackDelivery(message: RabbitMessage): void {
  assertOpen(message, 'ack');
  message.session.consumer.ack(message.raw);
}

/** `basic.reject(requeue=false)`: dropped, or dead-lettered by the broker through the queue's DLX. */
function rejectDelivery(message: RabbitMessage): void {
  assertOpen(message, 'reject');
  message.session.consumer.reject(message.raw, false);
}

/**
 * Back to the queue now. Quorum queues: `basic.nack(requeue=true)`, the broker
 * counts the delivery. Classic queues count nothing, so the message is
 * republished with our delivery-count header and the original acked once the
 * copy is confirmed; if that publish fails, a plain requeue (never a loss).
 */
async function requeueDelivery(message: RabbitMessage, queueType: 'quorum' | 'classic', queue: string): Promise<void> {
  assertOpen(message, 'nack');
  const { consumer } = message.session;
  if (queueType === 'quorum') {
    consumer.nack(message.raw, false, true);
    return;
  }
  try {
    await republishCounted(message, queue, message.deliveryCount);
  } catch {
    assertOpen(message, 'nack');
    consumer.nack(message.raw, false, true);
    return;
  }
  assertOpen(message, 'ack the republished');
  consumer.ack(message.raw);
}

/**
 * Publishes a copy of the delivery to `queue` (classic) carrying `deliveries`
 * (deliveries so far) in our count header, under the connection's own AMQP
 * `user-id`: the broker refuses that `user-id` from any other user, so the
 * header cannot be forged by a producer with other credentials. Resolves
 * once the broker confirmed the copy; the caller acks the original.
 */
export async function republishCounted(message: RabbitMessage, queue: string, deliveries: number): Promise<void> {
  const { raw, session } = message;
  const headers = { ...withoutCountHeaders(raw.properties.headers), [PRIOR_DELIVERIES_HEADER]: deliveries };
  const { expiration } = raw.properties;
  await session.publisher.publish('', queue, raw.content, { ...copyProperties(raw.properties), expiration, headers, userId: session.userId, mandatory: true });
}

/**
 * Publishes body, original headers and the record's `x-dead-letter-*` headers
 * to the dead-letter exchange, waits for the broker's confirm, then acks the
 * source. Throws when the publish fails (the source is then nacked by the base
 * server, nothing lost). A plain `basic.reject` cannot add headers, hence the
 * publish; the queue's own DLX still catches what the broker dead-letters.
 */
async function deadLetterDelivery(message: RabbitMessage, target: RabbitDeadLetterTarget, record: DeadLetterRecord): Promise<void> {
  assertOpen(message, 'dead-letter');
  const headers = { ...withoutCountHeaders(message.raw.properties.headers), ...deadLetterHeaders({ ...record, headers: {} }) };
  await message.session.publisher.publish(target.exchange, target.routingKey, message.raw.content, {
    ...copyProperties(message.raw.properties),
    headers,
    persistent: true,
    mandatory: true,
  });
  assertOpen(message, 'ack the dead-lettered');
  message.session.consumer.ack(message.raw);
}

/** The properties worth keeping on a copy; `userId` (the broker checks it against the publisher: set by the caller) and `expiration` (a dead letter must not expire) are dropped. */
function copyProperties(properties: MessageProperties): Options.Publish {
  const copy: Options.Publish = { persistent: properties.deliveryMode === 2 || properties.deliveryMode === undefined };
  if (properties.contentType) copy.contentType = properties.contentType;
  if (properties.contentEncoding) copy.contentEncoding = properties.contentEncoding;
  if (properties.messageId) copy.messageId = properties.messageId;
  if (properties.correlationId) copy.correlationId = properties.correlationId;
  if (properties.replyTo) copy.replyTo = properties.replyTo;
  if (properties.timestamp) copy.timestamp = properties.timestamp;
  if (properties.type) copy.type = properties.type;
  if (properties.appId) copy.appId = properties.appId;
  if (properties.priority !== undefined) copy.priority = properties.priority;
  return copy;
}

function assertOpen(message: RabbitMessage, what: string): void {
  if (!message.session.open) {
    throw new DeliveryGoneError(`cannot ${what} message: its channel closed (the broker redelivers it)`);
  }
}
