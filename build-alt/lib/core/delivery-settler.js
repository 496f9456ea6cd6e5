"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeliverySettler = void 0;
const dead_letter_failures_1 = require("./dead-letter-failures");
const dead_letter_record_1 = require("./dead-letter-record");
const errors_1 = require("./errors");
const failure_clock_1 = require("./failure-clock");
const retry_1 = require("./retry");
/**
 * Turns decisions into broker commands, once per delivery: applies the retry
 * rules to nacks, builds dead-letter records, falls back to a growing nack
 * when the dead-letter target refuses, and reports each settlement.
 */
class DeliverySettler {
    commands;
    reports;
    failureClock = new failure_clock_1.FailureClock();
    deadLetterFailures = new dead_letter_failures_1.DeadLetterFailures();
    constructor(commands, reports) {
        this.commands = commands;
        this.reports = reports;
    }
    /**
     * Settles once: the first decision wins, later ones resolve `false` and never
     * reach the broker. Also `false` when the broker refused the command (its
     * channel or connection is gone): reported as an `error` event, and the
     * broker redelivers the message. `durable` asks for an ack recorded by the
     * broker before this resolves (`ACK_FIRST`).
     */
    async settle(delivery, requested, durable = false) {
        const { message } = delivery;
        const settlement = requested.kind === 'nack' ? this.applyRetryRules(delivery, requested) : requested;
        if (!delivery.state.claim(settlement))
            return false;
        if (settlement.kind !== 'ack')
            this.failureClock.failed(message.key);
        try {
            if (settlement.kind === 'ack')
                await this.commands.ack(message, { durable });
            else if (settlement.kind === 'nack')
                await this.commands.nack(message, settlement.delayMs ?? 0);
            else
                await this.deadLetter(delivery, settlement);
        }
        catch (error) {
            // The decision stands (no second command for this delivery); the broker redelivers the message.
            this.reports.reportError((0, errors_1.asError)(error), `could not ${settlement.kind} message at ${JSON.stringify(message.source)}`);
            return false;
        }
        if (settlement.kind !== 'nack' && !this.failureClock.isEmpty)
            this.failureClock.forget(message.key);
        this.afterSettle(delivery);
        return true;
    }
    /** A nack past `maxDeliveries` becomes a reject; otherwise an explicit delay wins over the backoff. */
    applyRetryRules(delivery, nack) {
        const decision = (0, retry_1.decideNack)(delivery.retry, delivery.message.deliveryCount, nack.delayMs);
        return decision.kind === 'nack' ? { ...nack, delayMs: decision.delayMs } : { kind: 'reject', reason: decision.reason, error: nack.error };
    }
    async deadLetter(delivery, settlement) {
        const { message } = delivery;
        const record = {
            body: message.body,
            headers: message.headers,
            source: message.source,
            reason: settlement.reason,
            ...(0, dead_letter_record_1.describeError)(settlement.error),
            deliveryCount: message.deliveryCount,
            firstFailureAt: this.failureClock.firstFailure(message.key),
            lastFailureAt: new Date(),
        };
        try {
            await this.commands.reject(message, record);
        }
        catch (error) {
            await this.onDeadLetterRefused(delivery, error);
            return;
        }
        this.deadLetterFailures.resolved(message.key);
    }
    /** Nothing is lost: the source is nacked with a growing delay and comes back until the target takes it. */
    async onDeadLetterRefused(delivery, error) {
        const { message } = delivery;
        const { delayMs, log, suppressed } = this.deadLetterFailures.refused(message.key, delivery.retry);
        const refusal = new errors_1.DeadLetterRefusedError(`the dead-letter target refused the message at ${JSON.stringify(message.source)}: ${(0, dead_letter_record_1.describeError)(error).errorMessage}; nacked, retried in ${delayMs} ms`, { cause: error });
        if (log) {
            const held = suppressed > 0 ? ` (${suppressed} more such failures since the last line)` : '';
            this.reports.logger.fatal?.(`${refusal.message}${held}`);
        }
        this.reports.reportError(refusal, 'dead-letter target refused', false);
        await this.commands.nack(message, delayMs);
        delivery.state.fellBackTo({ kind: 'nack', delayMs });
    }
    afterSettle(delivery) {
        const settlement = delivery.state.settlement;
        const event = { pattern: delivery.pattern, source: delivery.message.source, deliveryCount: delivery.message.deliveryCount, settlement };
        if (this.reports.logSettlements) {
            const detail = settlement.kind === 'reject' ? ` (${settlement.reason})` : settlement.kind === 'nack' ? ` (delay ${settlement.delayMs} ms)` : '';
            this.reports.logger.log(`${settlement.kind}${detail} "${event.pattern}" delivery ${event.deliveryCount} at ${JSON.stringify(event.source)}`);
        }
        this.reports.settled(event, delivery);
    }
}
exports.DeliverySettler = DeliverySettler;
//# sourceMappingURL=delivery-settler.js.map