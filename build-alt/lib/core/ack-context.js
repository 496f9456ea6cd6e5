"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckContext = void 0;
exports.isAckContext = isAckContext;
const microservices_1 = require("@nestjs/microservices");
/**
 * The context every nestjs-ack handler receives (`@Ctx()`): the message's facts
 * and the three settle calls, usable under every policy, also after the
 * handler returned.
 */
class AckContext extends microservices_1.BaseRpcContext {
    state;
    settler;
    /**
     * The handler's error as it was thrown, before exception filters replaced it
     * (recorded by AckModule, see `recordThrownErrors`), for logs and dead letters.
     * @internal
     */
    thrownError;
    constructor(message, pattern, state, settler) {
        super([message, pattern]);
        this.state = state;
        this.settler = settler;
    }
    /** The delivery as the transport received it. */
    getMessage() {
        return this.args[0];
    }
    /** The pattern the message was routed by. */
    getPattern() {
        return this.args[1];
    }
    /** 1 on first delivery; counted by the broker where it can. */
    getDeliveryCount() {
        return this.args[0].deliveryCount;
    }
    /** The message's headers. */
    getHeaders() {
        return this.args[0].headers;
    }
    /** Where the message came from (queue, topic/partition/offset...). */
    getSource() {
        return this.args[0].source;
    }
    /** Whether this delivery got its final decision (or was given up at shutdown). */
    isSettled() {
        return this.state.isSettled;
    }
    /** The decision taken, if any. */
    getSettlement() {
        return this.state.settlement;
    }
    /** Acks: done, never delivered again. */
    ack() {
        return this.settler({ kind: 'ack' });
    }
    /** Nacks: delivered again after `delayMs` (or the backoff), until `maxDeliveries`. */
    nack(options = {}) {
        return this.settler({ kind: 'nack', delayMs: options.delayMs });
    }
    /** Rejects: moved to the dead-letter target with `reason`. */
    reject(options = {}) {
        return this.settler({ kind: 'reject', reason: options.reason ?? 'rejected' });
    }
    /** Applies a settlement (used by the exception filter). */
    settle(settlement) {
        return this.settler(settlement);
    }
}
exports.AckContext = AckContext;
function isAckContext(value) {
    return value instanceof AckContext || (typeof value === 'object' && value !== null && typeof value.settle === 'function' && typeof value.getDeliveryCount === 'function');
}
//# sourceMappingURL=ack-context.js.map