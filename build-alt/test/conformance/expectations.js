"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MATRIX_MAX_DELIVERIES = void 0;
exports.expectCell = expectCell;
/** maxDeliveries used by the matrix. */
exports.MATRIX_MAX_DELIVERIES = 2;
const CONTROL = {
    'throws AckMessage in a service': { kind: 'ack' },
    'throws NackMessage in a service': { kind: 'nack' },
    'throws RejectMessage in a service': { kind: 'reject', reason: 'service-reject' },
    'throws RejectMessage in a guard': { kind: 'reject', reason: 'guard-reject' },
    'throws NackMessage in an interceptor': { kind: 'nack' },
    'throws AckMessage in a pipe': { kind: 'ack' },
};
/** Errors whose original message reaches the dead letter (AckModule records what a guard, interceptor, pipe or handler threw). */
const PLAIN_ERRORS = {
    'throws Error': 'handler failed on purpose',
    'throws RpcException': 'rpc failure on purpose',
    'throws Error in a guard': 'guard failed on purpose',
    'throws Error in an interceptor': 'interceptor failed on purpose',
    'throws Error in a pipe': 'pipe failed on purpose',
};
const ACKED = { state: 'acked' };
/** What the contract says happens to one delivery under `policy` when the handler does `behavior`. */
function expectCell(policy, behavior) {
    const ackFirst = policy === 'ACK_FIRST';
    const once = (final, reply, manualResults = []) => ({ final, deliveries: 1, reply, manualResults });
    const control = CONTROL[behavior];
    if (control) {
        if (ackFirst || control.kind === 'ack')
            return once(ACKED, 'error');
        if (control.kind === 'reject')
            return once({ state: 'dead-lettered', reason: control.reason, errorName: 'RejectMessage' }, 'error');
        return { final: { state: 'dead-lettered', reason: 'max-deliveries', errorName: 'NackMessage' }, deliveries: exports.MATRIX_MAX_DELIVERIES, reply: 'error', manualResults: [] };
    }
    if (behavior in PLAIN_ERRORS) {
        const errorMessageIncludes = PLAIN_ERRORS[behavior];
        switch (policy) {
            case 'REJECT_ON_ERROR':
                return once({ state: 'dead-lettered', reason: 'handler-error', errorMessageIncludes }, 'error');
            case 'NACK_ON_ERROR':
                return { final: { state: 'dead-lettered', reason: 'max-deliveries', errorMessageIncludes }, deliveries: exports.MATRIX_MAX_DELIVERIES, reply: 'error', manualResults: [] };
            case 'MANUAL':
                return once({ state: 'unsettled' }, 'error');
            default:
                return once(ACKED, 'error');
        }
    }
    switch (behavior) {
        case 'completes':
            return once(policy === 'MANUAL' ? { state: 'unsettled' } : ACKED, 'value');
        case 'manual ack then throw':
            return once(ACKED, 'error', [!ackFirst]);
        case 'double ack':
            return once(ACKED, 'value', [!ackFirst, false]);
        case 'settles after returning':
            return policy === 'MANUAL'
                ? { ...once({ state: 'dead-lettered', reason: 'late' }, 'value'), lateSettleResult: true }
                : { ...once(ACKED, 'value'), lateSettleResult: false };
        default:
            throw new Error(`no expectation for ${behavior}`);
    }
}
//# sourceMappingURL=expectations.js.map