"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settlementOnSuccess = settlementOnSuccess;
exports.settlementOnFailure = settlementOnFailure;
exports.originalError = originalError;
exports.loggedByNestFilter = loggedByNestFilter;
const microservices_1 = require("@nestjs/microservices");
const settlement_1 = require("./settlement");
/** What the policy does once the handler (and its reply) completed. */
function settlementOnSuccess(policy) {
    return policy === 'ACK' || policy === 'REJECT_ON_ERROR' || policy === 'NACK_ON_ERROR' ? { kind: 'ack' } : undefined;
}
/** What the policy does when the handler failed with an error that is not a control exception. */
function settlementOnFailure(policy, error) {
    switch (policy) {
        case 'ACK':
            return { kind: 'ack' };
        case 'REJECT_ON_ERROR':
            return { kind: 'reject', reason: settlement_1.RejectReason.HANDLER_ERROR, error };
        case 'NACK_ON_ERROR':
            return { kind: 'nack', error };
        default:
            return undefined;
    }
}
/**
 * The most informative form of a failure: the error as thrown (recorded by
 * AckModule) when a filter replaced it by a plain object.
 */
function originalError(failure, thrown) {
    return !(failure instanceof Error) && thrown !== undefined ? thrown : failure;
}
/** What Nest's `BaseRpcExceptionFilter` answers for an error it does not know (`MESSAGES.UNKNOWN_EXCEPTION_MESSAGE`, the same in Nest 10, 11 and 12). */
const NEST_UNKNOWN_ERROR_MESSAGE = 'Internal server error';
/**
 * Whether Nest's default exception filter logged the failure already: it
 * logs every error no exception filter took (name, message and stack, as
 * thrown) and answers `{ status: 'error', message: 'Internal server error' }`
 * instead. An `RpcException` (control exceptions included) is answered
 * without a log line. `thrown` is the error as the handler threw it, when
 * AckModule's interceptor recorded it.
 */
function loggedByNestFilter(failure, thrown) {
    if (thrown instanceof microservices_1.RpcException)
        return false;
    if (typeof failure !== 'object' || failure === null || failure instanceof Error)
        return false;
    const { status, message } = failure;
    return Object.keys(failure).length === 2 && status === 'error' && message === NEST_UNKNOWN_ERROR_MESSAGE;
}
//# sourceMappingURL=handler-outcome.js.map