"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisCommands = void 0;
const dead_letter_record_1 = require("../core/dead-letter-record");
const errors_1 = require("../core/errors");
const redis_delayed_nacks_1 = require("./redis-delayed-nacks");
const redis_wire_1 = require("./redis-wire");
/**
 * The broker side of ack / nack / reject / lease on a consumer group, each
 * one atomic step (a command or a Lua script, see `redis-scripts.ts`):
 *
 * - ack: `XACK` (+ `XDEL`, + `XTRIM MAXLEN ~` when configured);
 * - nack: the entry stays pending and is given the idle time that makes it
 *   claimable (`XAUTOCLAIM` by any consumer) when the delay ends; the reclaim
 *   increments times-delivered, the delivery count;
 * - reject: `XADD` to `<stream>:dlq` with the original fields plus the
 *   `x-dead-letter-*` fields, then `XACK`; a refused `XADD` throws before the ack;
 * - lease: `XCLAIM ... JUSTID` to ourselves resets the idle time of a running handler's entry.
 *
 * A step on an entry no longer pending with us (acked by another consumer
 * after a reclaim, or gone with a Redis restart) throws `DeliveryGoneError`.
 */
class RedisCommands {
    redis;
    settings;
    leaseRenewalMs;
    delayedNacks;
    constructor(redis, settings, report) {
        this.redis = redis;
        this.settings = settings;
        // A third of minIdle: two renewals may be late before another consumer may claim the entry.
        this.leaseRenewalMs = Math.max(10, Math.floor(settings.minIdleMs / 3));
        this.delayedNacks = new redis_delayed_nacks_1.DelayedNacks(settings.minIdleMs, this.leaseRenewalMs, (message, idleMs) => this.touch(message, idleMs), report);
    }
    async ack(message) {
        const { deleteOnAck, trimMaxLen } = this.settings;
        const done = await this.redis().nestjsAckAck(message.stream, message.group, message.id, deleteOnAck ? 1 : 0, trimMaxLen ?? 0);
        if (done !== 1)
            throw gone(message, 'ack');
    }
    async nack(message, delayMs) {
        const { idleMs, keep } = this.delayedNacks.idleFor(delayMs);
        if (!(await this.touch(message, idleMs)))
            throw gone(message, 'nack');
        if (keep)
            this.delayedNacks.keep(message, delayMs);
    }
    async reject(message, record) {
        const { deadLetterSuffix, deleteOnAck } = this.settings;
        if (deadLetterSuffix === false) {
            await this.ack(message);
            return;
        }
        const entry = deadLetterEntry(message, record);
        const done = await this.redis().nestjsAckReject(message.stream, `${message.stream}${deadLetterSuffix}`, message.group, message.id, deleteOnAck ? 1 : 0, ...entry);
        if (done !== 1)
            throw gone(message, 'dead-letter');
    }
    async extendLease(message) {
        if (!(await this.touch(message, 0)))
            throw gone(message, 'extend the lease of');
    }
    /**
     * An entry read while intake was stopping, never handed to a handler: made
     * claimable at once, with its delivery counted back, so another consumer
     * takes it without waiting `minIdleMs`.
     */
    async returnUnstarted(message) {
        await this.touch(message, this.settings.minIdleMs, message.deliveryCount - 1);
    }
    async touch(message, idleMs, retryCount) {
        const args = [message.stream, message.group, this.settings.consumer, message.id, idleMs];
        if (retryCount !== undefined)
            args.push(retryCount);
        return (await this.redis().nestjsAckTouch(...args)) === 1;
    }
}
exports.RedisCommands = RedisCommands;
/**
 * The dead-letter entry: the original fields (body byte for byte, headers,
 * reply address), then one field per dead-letter fact (`x-dead-letter-reason`,
 * `-source`, `-delivery-count`, `-error-name`, `-error-message`, `-first-failure-at`, `-last-failure-at`).
 */
function deadLetterEntry(message, record) {
    const pairs = [];
    for (const [name, value] of message.fields)
        pairs.push(name, value);
    if (!message.fields.has(redis_wire_1.RedisFields.BODY))
        pairs.push(redis_wire_1.RedisFields.BODY, record.body);
    for (const [name, value] of Object.entries((0, dead_letter_record_1.deadLetterHeaders)({ ...record, headers: {} })))
        pairs.push(name, value);
    return pairs;
}
function gone(message, what) {
    return new errors_1.DeliveryGoneError(`cannot ${what} entry ${message.id} of "${message.stream}": it is no longer pending with this consumer (settled by another consumer after a reclaim, or the stream is gone)`);
}
//# sourceMappingURL=redis-commands.js.map