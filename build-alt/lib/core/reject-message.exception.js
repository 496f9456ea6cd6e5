"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RejectMessage = void 0;
const ack_control_exception_1 = require("./ack-control.exception");
const settlement_1 = require("./settlement");
/** Throw to reject the current message (dead-letter it with `reason`) and stop processing it. */
class RejectMessage extends ack_control_exception_1.AckControlException {
    reason;
    constructor(options = {}) {
        const reason = options.reason ?? settlement_1.RejectReason.REJECTED;
        super(`message rejected by the handler: ${reason}`);
        this.reason = reason;
    }
    toSettlement() {
        return { kind: 'reject', reason: this.reason, error: this };
    }
}
exports.RejectMessage = RejectMessage;
//# sourceMappingURL=reject-message.exception.js.map