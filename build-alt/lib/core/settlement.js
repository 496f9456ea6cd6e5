"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RejectReason = void 0;
/**
 * Reasons the library itself gives to rejects (`x-dead-letter-reason`):
 * - `handler-error`: the handler failed under `REJECT_ON_ERROR`;
 * - `max-deliveries`: nacked again after `retry.maxDeliveries` deliveries;
 * - `deserialization`: the body is not valid UTF-8 / JSON, has no pattern, or is over `maxBodyBytes`;
 * - `no-handler`: no handler for the message's pattern;
 * - `rejected`: `ctx.reject()` or `RejectMessage` without a reason of its own.
 */
exports.RejectReason = {
    HANDLER_ERROR: 'handler-error',
    MAX_DELIVERIES: 'max-deliveries',
    DESERIALIZATION: 'deserialization',
    NO_HANDLER: 'no-handler',
    REJECTED: 'rejected',
};
//# sourceMappingURL=settlement.js.map