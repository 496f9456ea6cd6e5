/**
 * Where the delivery count of a RabbitMQ message comes from.
 *
 * Quorum queues count for us: RabbitMQ 3.x sets `x-delivery-count` to the
 * number of earlier deliveries that came back (nack/reject with requeue, or
 * unacked when the channel closed); it is absent on the first delivery. Newer
 * brokers also set `x-acquired-count`. The count is the larger of the two
 * plus one, so the first delivery is 1.
 *
 * Classic queues count nothing, and `redelivered` is only a yes/no. So a nack
 * on a classic queue republishes the message to the queue with our header
 * `x-nestjs-ack-deliveries` (deliveries so far) and acks the original
 * (publish confirmed first, so nothing is lost; a crash in between gives a
 * duplicate). The count is then that header plus one, plus one more when
 * `redelivered` says the copy itself came back after a channel closed. Without
 * the header (first copy) `redelivered` alone gives 1 or 2.
 */
export declare const PRIOR_DELIVERIES_HEADER = "x-nestjs-ack-deliveries";
/** Headers that the broker or this transport manage; not part of the user's headers. */
export declare const COUNT_HEADERS: readonly string[];
/** 1 on first delivery; see the module comment for the rules. */
export declare function deliveryCountOf(headers: Record<string, unknown> | undefined, redelivered: boolean): number;
