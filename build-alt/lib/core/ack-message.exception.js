"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckMessage = void 0;
const ack_control_exception_1 = require("./ack-control.exception");
/** Throw to ack the current message at once and stop processing it. */
class AckMessage extends ack_control_exception_1.AckControlException {
    constructor(message = 'message acked by the handler') {
        super(message);
    }
    toSettlement() {
        return { kind: 'ack' };
    }
}
exports.AckMessage = AckMessage;
//# sourceMappingURL=ack-message.exception.js.map