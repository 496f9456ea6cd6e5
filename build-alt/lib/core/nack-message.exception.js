"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NackMessage = void 0;
const ack_control_exception_1 = require("./ack-control.exception");
/** Throw to nack the current message (redeliver, after `delayMs` if given) and stop processing it. */
class NackMessage extends ack_control_exception_1.AckControlException {
    delayMs;
    constructor(options = {}) {
        super(options.delayMs === undefined ? 'message nacked by the handler' : `message nacked by the handler (delay ${options.delayMs} ms)`);
        this.delayMs = options.delayMs;
    }
    toSettlement() {
        return { kind: 'nack', delayMs: this.delayMs, error: this };
    }
}
exports.NackMessage = NackMessage;
//# sourceMappingURL=nack-message.exception.js.map