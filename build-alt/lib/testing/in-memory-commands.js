"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryCommands = void 0;
/** ack / nack / reject / lease on the in-memory broker's queue. */
class InMemoryCommands {
    broker;
    queue;
    deadLetter;
    leaseRenewalMs;
    constructor(broker, queue, deadLetter, leaseMs) {
        this.broker = broker;
        this.queue = queue;
        this.deadLetter = deadLetter;
        // Renew at a third of the lease: two renewals may be late before it runs out.
        this.leaseRenewalMs = leaseMs === undefined ? undefined : Math.max(1, Math.floor(leaseMs / 3));
    }
    async ack(message) {
        this.broker.ack(this.queue, message.messageId);
    }
    async nack(message, delayMs) {
        this.broker.nack(this.queue, message.messageId, delayMs);
    }
    async reject(message, record) {
        if (this.deadLetter)
            this.broker.deadLetter(this.queue, message.messageId, record);
        else
            this.broker.ack(this.queue, message.messageId);
    }
    async extendLease(message) {
        this.broker.extendLease(this.queue, message.messageId);
    }
}
exports.InMemoryCommands = InMemoryCommands;
//# sourceMappingURL=in-memory-commands.js.map