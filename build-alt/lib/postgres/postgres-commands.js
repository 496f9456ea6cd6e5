"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresCommands = void 0;
const errors_1 = require("../core/errors");
/**
 * ack / nack / reject / lease as row updates. Each statement only applies
 * while the row is still held by the delivery's claim (same `attempts`, still
 * PROCESSING); otherwise its lease ran out and another consumer may hold it:
 * `DeliveryGoneError`. Each statement commits on its own, so `durable` holds.
 */
class PostgresCommands {
    pool;
    sql;
    settings;
    onRetry;
    leaseRenewalMs;
    constructor(pool, sql, settings, 
    /** Called after a nack with its delay: the consumer wakes up when the row is due. */
    onRetry) {
        this.pool = pool;
        this.sql = sql;
        this.settings = settings;
        this.onRetry = onRetry;
        this.leaseRenewalMs = settings.leaseRenewalMs;
    }
    async ack(message, _options) {
        await this.held(message, this.settings.deleteOnAck ? this.sql.delete : this.sql.complete, []);
    }
    async nack(message, delayMs) {
        await this.held(message, this.sql.retry, [Math.max(0, Math.round(delayMs))]);
        this.onRetry(delayMs);
    }
    /** FAILED with the record's fields is this transport's dead letter; a failed update throws and the row stays unsettled. */
    async reject(message, record) {
        if (!this.settings.deadLetter) {
            await this.held(message, this.sql.delete, []);
            return;
        }
        await this.held(message, this.sql.fail, [record.reason, record.errorName ?? null, record.errorMessage ?? null, record.firstFailureAt, record.lastFailureAt]);
    }
    async extendLease(message) {
        // Inside the handler's transaction the row is locked FOR UPDATE: no other consumer can claim it,
        // and an update from another connection would only wait for that lock.
        if (message.session.transaction)
            return;
        await this.held(message, this.sql.extendLease, [this.settings.leaseMs]);
    }
    /** Runs on the handler's open transaction when there is one (the settlement commits with its writes), else on the pool. */
    async held(message, statement, values) {
        const db = message.session.transaction ?? this.pool();
        const result = await db.query(statement, [message.id, message.attempts, ...values]);
        if (result.rowCount === 0) {
            throw new errors_1.DeliveryGoneError(`row ${message.id} of queue "${message.queue}" is no longer held by this delivery (its lease ran out)`);
        }
    }
}
exports.PostgresCommands = PostgresCommands;
//# sourceMappingURL=postgres-commands.js.map