"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COUNT_HEADERS = exports.PRIOR_DELIVERIES_HEADER = void 0;
exports.deliveryCountOf = deliveryCountOf;
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
exports.PRIOR_DELIVERIES_HEADER = 'x-nestjs-ack-deliveries';
/** Headers that the broker or this transport manage; not part of the user's headers. */
exports.COUNT_HEADERS = ['x-delivery-count', 'x-acquired-count', exports.PRIOR_DELIVERIES_HEADER];
/** 1 on first delivery; see the module comment for the rules. */
function deliveryCountOf(headers, redelivered) {
    const prior = Math.max(count(headers?.['x-delivery-count']), count(headers?.['x-acquired-count']));
    if (prior > 0)
        return prior + 1;
    return count(headers?.[exports.PRIOR_DELIVERIES_HEADER]) + (redelivered ? 2 : 1);
}
function count(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
//# sourceMappingURL=rabbit-delivery-count.js.map