"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsCommands = void 0;
const dead_letter_record_1 = require("../core/dead-letter-record");
const errors_1 = require("../core/errors");
const nats_headers_1 = require("./nats-headers");
/**
 * ack / nack / reject / lease on JetStream: `ack()` (`ackAck()` when it must be
 * recorded first), `nak(delay)`, a dead-letter copy acknowledged by its stream
 * then `term()`, and `working()` to keep a running handler's delivery.
 */
class NatsCommands {
    link;
    deadLetter;
    /** Renewed at a third of `ack_wait`: two renewals may be late before the server redelivers. */
    leaseRenewalMs;
    constructor(link, deadLetter, ackWaitMs) {
        this.link = link;
        this.deadLetter = deadLetter;
        this.leaseRenewalMs = Math.max(100, Math.floor(ackWaitMs / 3));
    }
    async ack(message, { durable }) {
        this.ensureOpen(message);
        if (durable)
            await message.raw.ackAck();
        else
            message.raw.ack();
    }
    async nack(message, delayMs) {
        this.ensureOpen(message);
        // The server holds the message back for the delay itself; nothing waits here.
        message.raw.nak(delayMs > 0 ? delayMs : undefined);
    }
    async reject(message, record) {
        this.ensureOpen(message);
        if (this.deadLetter)
            await this.storeDeadLetter(message, record, this.deadLetter);
        // `+TERM <reason>` is understood from 2.11 on; older servers ignore it as an unknown ack, so they get a bare `+TERM`.
        message.raw.term(this.link.features.termReason ? record.reason : undefined);
    }
    async extendLease(message) {
        this.ensureOpen(message);
        message.raw.working();
    }
    async storeDeadLetter(message, record, target) {
        const js = this.link.jetstream;
        if (!js)
            throw new errors_1.DeliveryGoneError('the connection to NATS is closed');
        try {
            await js.publish(`${target.subjectPrefix}.${message.subject}`, record.body, {
                headers: (0, nats_headers_1.copyHeaders)((0, dead_letter_record_1.deadLetterHeaders)(record)),
                // A copy stored before a lost term is not stored twice when the redelivery is rejected again.
                msgID: `dead-letter:${message.key}`,
                expect: { streamName: target.stream },
                timeout: target.publishTimeoutMs,
            });
        }
        catch (error) {
            throw new errors_1.DeadLetterRefusedError(`stream "${target.stream}" did not store the dead letter: ${error?.message ?? error}`, { cause: error });
        }
    }
    ensureOpen(message) {
        const connection = this.link.connection;
        if (!connection || connection.isClosed()) {
            throw new errors_1.DeliveryGoneError(`the connection to NATS is closed; stream ${message.source.stream} redelivers sequence ${message.source.sequence} after ack_wait`);
        }
    }
}
exports.NatsCommands = NatsCommands;
//# sourceMappingURL=nats-commands.js.map