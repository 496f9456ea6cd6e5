"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresAckContext = void 0;
const ack_context_1 = require("../core/ack-context");
const errors_1 = require("../core/errors");
/** The context of `PostgresAckServer` handlers: the common one plus the row's facts and a transaction that settles with the handler's writes. */
class PostgresAckContext extends ack_context_1.AckContext {
    /** The row's id (bigserial, as a string). */
    getId() {
        return this.getMessage().id;
    }
    /** The queue the row belongs to. */
    getQueue() {
        return this.getMessage().queue;
    }
    /** The row's `attempts` column: claims so far, this one included (the delivery count). */
    getAttempts() {
        return this.getMessage().attempts;
    }
    /** When the row was inserted (the publish's transaction time). */
    getCreatedAt() {
        return this.getMessage().createdAt;
    }
    /**
     * Runs `work` in a transaction on the server's pool and acks the message in
     * that same transaction: the handler's writes and the COMPLETED row commit
     * together, or neither does (exactly-once for database side effects). The
     * row is locked `FOR UPDATE` first, so no other consumer can claim it while
     * `work` runs. When `work` throws, the transaction rolls back and the error
     * goes on to the policy (nack / reject) like any handler error. Throws
     * `DeliveryGoneError` when the row is no longer this delivery's (its lease
     * ran out and another consumer claimed it), and an error when the message
     * was settled already.
     */
    async transaction(work) {
        const message = this.getMessage();
        const { session } = message;
        if (session.transaction)
            throw new Error('nestjs-ack: transaction() is already running for this message');
        if (this.isSettled())
            throw new Error(`nestjs-ack: row ${message.id} is settled already; transaction() must settle it`);
        const client = await session.pool.connect();
        let broken = false;
        try {
            await client.query('BEGIN');
            const locked = await client.query(session.sql.lockHeld, [message.id, message.attempts]);
            if (locked.rowCount === 0)
                throw new errors_1.DeliveryGoneError(`row ${message.id} of queue "${message.queue}" is no longer held by this delivery (its lease ran out)`);
            session.transaction = client;
            const result = await work(client);
            if (!(await this.ack()))
                throw new Error(`nestjs-ack: row ${message.id} could not be acked in the transaction (settled meanwhile, or the statement failed)`);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch(() => (broken = true));
            throw error;
        }
        finally {
            session.transaction = undefined;
            client.release(broken);
        }
    }
}
exports.PostgresAckContext = PostgresAckContext;
//# sourceMappingURL=postgres-context.js.map