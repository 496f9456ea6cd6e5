"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsAckContext = void 0;
const ack_context_1 = require("../core/ack-context");
/** The context of `NatsAckServer` handlers: the common one plus JetStream's facts (read-only; settle through the context). */
class NatsAckContext extends ack_context_1.AckContext {
    /** The subject the message was published to. */
    getSubject() {
        return this.getMessage().subject;
    }
    /** JetStream delivery info: stream, consumer, stream and consumer sequences, delivery count, pending. */
    getInfo() {
        return this.getMessage().raw.info;
    }
    /** The message's sequence in its stream. */
    getSequence() {
        return this.getMessage().raw.seq;
    }
}
exports.NatsAckContext = NatsAckContext;
//# sourceMappingURL=nats-context.js.map