/**
 * Where the delivery count of a RabbitMQ message comes from, and which count
 * headers are believed: a producer can write any header, so a count is read
 * only from a header the broker or this transport wrote.
 *
 * Quorum queues count for us, but only on redeliveries: RabbitMQ 3.x writes
 * `x-delivery-count` (earlier deliveries that came back: nack/reject with
 * requeue, or unacked when a channel closed) on a redelivery and leaves a
 * first delivery's headers as the producer wrote them; 4.x counts every
 * delivery in `x-acquired-count` (its `x-delivery-count` counts failures
 * only, and a producer's value survives a return that is not one). So a
 * delivery the broker did not mark `redelivered` is delivery 1 whatever its
 * headers say; a redelivery is that broker's header plus one (3.x:
 * `x-delivery-count`, 4.x: `x-acquired-count`; at least 2).
 *
 * Classic queues count nothing, and `redelivered` is only a yes/no. So a nack
 * on a classic queue republishes the message with our header
 * `x-nestjs-ack-deliveries` (deliveries so far) and the AMQP `user-id` of the
 * server's own connection, then acks the original (publish confirmed first:
 * nothing is lost; a crash in between gives a duplicate). RabbitMQ refuses a
 * publish whose `user-id` is not the publishing connection's user, so the
 * header is believed only on a message whose `user-id` is one of the server's
 * users: a producer with other credentials cannot forge it. The count is that
 * header plus one, plus one more when `redelivered` says the copy came back
 * after a channel closed (the server republishes such a copy before its
 * handler runs, see rabbit-crash-recovery.ts).
 */
export const PRIOR_DELIVERIES_HEADER = 'x-nestjs-ack-deliveries';

/** Headers that the broker or this transport manage; not part of the user's headers. */
export const COUNT_HEADERS: readonly string[] = ['x-delivery-count', 'x-acquired-count', PRIOR_DELIVERIES_HEADER];

/** What decides which count header of a delivery is believed. */
export interface DeliveryCountTrust {
  queueType: 'quorum' | 'classic';
  /** Major version of the broker (its `version` server property); 4 and later count in `x-acquired-count`. */
  brokerMajor: number;
  /** The users the server connects as: a classic queue's count header counts only under one of their `user-id`s. */
  users: ReadonlySet<string>;
}

/** What of a delivery the count is read from (amqplib's `properties.headers`, `properties.userId`, `fields.redelivered`). */
export interface DeliveryCountFacts {
  headers?: Record<string, unknown>;
  redelivered: boolean;
  userId?: unknown;
}

/** 1 on a first delivery; see the module comment for the rules. */
export function deliveryCountOf(delivery: DeliveryCountFacts, trust: DeliveryCountTrust): number {
  const { headers, redelivered, userId } = delivery;
  if (trust.queueType === 'quorum') {
    if (!redelivered) return 1;
    return Math.max(1, count(headers?.[trust.brokerMajor >= 4 ? 'x-acquired-count' : 'x-delivery-count'])) + 1;
  }
  const prior = typeof userId === 'string' && trust.users.has(userId) ? count(headers?.[PRIOR_DELIVERIES_HEADER]) : 0;
  return prior + (redelivered ? 2 : 1);
}

/** The major version in a broker's `version` server property (`3.10.8` -> 3); 0 when absent or unreadable. */
export function brokerMajorOf(version: unknown): number {
  const text = Buffer.isBuffer(version) ? version.toString('utf8') : version;
  const match = typeof text === 'string' ? /^(\d+)\./.exec(text) : null;
  return match ? Number(match[1]) : 0;
}

function count(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER) : 0;
}
