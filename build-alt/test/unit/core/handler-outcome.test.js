"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const core_1 = require("../../../lib/core");
const handler_outcome_1 = require("../../../lib/core/handler-outcome");
/** What Nest's default RPC filter makes of a thrown value. */
async function throughNestDefaultFilter(thrown) {
    const host = { getType: () => 'rpc', switchToRpc: () => ({ getContext: () => undefined, getData: () => undefined }), getArgs: () => [] };
    return (0, rxjs_1.lastValueFrom)(new microservices_1.BaseRpcExceptionFilter().catch(thrown, host)).catch((error) => error);
}
(0, node_test_1.describe)('handler outcome', () => {
    (0, node_test_1.it)('acks on success under ACK and *_ON_ERROR, does nothing under ACK_FIRST and MANUAL', () => {
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnSuccess)('ACK'), { kind: 'ack' });
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnSuccess)('REJECT_ON_ERROR'), { kind: 'ack' });
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnSuccess)('NACK_ON_ERROR'), { kind: 'ack' });
        strict_1.default.equal((0, handler_outcome_1.settlementOnSuccess)('ACK_FIRST'), undefined);
        strict_1.default.equal((0, handler_outcome_1.settlementOnSuccess)('MANUAL'), undefined);
    });
    (0, node_test_1.it)('maps a failure per policy', () => {
        const error = new Error('x');
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnFailure)('ACK', error), { kind: 'ack' });
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnFailure)('REJECT_ON_ERROR', error), { kind: 'reject', reason: 'handler-error', error });
        strict_1.default.deepEqual((0, handler_outcome_1.settlementOnFailure)('NACK_ON_ERROR', error), { kind: 'nack', error });
        strict_1.default.equal((0, handler_outcome_1.settlementOnFailure)('ACK_FIRST', error), undefined);
        strict_1.default.equal((0, handler_outcome_1.settlementOnFailure)('MANUAL', error), undefined);
    });
    (0, node_test_1.it)('reads the command of a thrown control exception', () => {
        const reject = new core_1.RejectMessage({ reason: 'bad' });
        strict_1.default.deepEqual((0, core_1.controlCommandOf)(reject), { kind: 'reject', reason: 'bad', error: reject });
        strict_1.default.deepEqual((0, core_1.controlCommandOf)(new core_1.AckMessage()), { kind: 'ack' });
    });
    (0, node_test_1.it)('keeps the command after Nest\'s default filter erased the class', async () => {
        const erased = await throughNestDefaultFilter(new core_1.NackMessage({ delayMs: 7 }));
        strict_1.default.ok(!(erased instanceof Error), 'Nest replaced the exception by a plain object');
        strict_1.default.deepEqual((0, core_1.controlCommandOf)(erased), { kind: 'nack', delayMs: 7, error: { name: 'NackMessage', message: 'message nacked by the handler (delay 7 ms)' } });
    });
    (0, node_test_1.it)('finds no command in an ordinary failure, erased or not', async () => {
        strict_1.default.equal((0, core_1.controlCommandOf)(new TypeError('real')), undefined);
        strict_1.default.equal((0, core_1.controlCommandOf)(await throughNestDefaultFilter(new TypeError('real'))), undefined);
        strict_1.default.equal((0, core_1.controlCommandOf)({ status: 'error', message: 'Internal server error' }), undefined);
        strict_1.default.equal((0, core_1.controlCommandOf)({ nestjsAckCommand: { kind: 'explode' } }), undefined, 'a malformed command is ignored');
    });
    (0, node_test_1.it)('a control exception that is created but never thrown carries no side effect', () => {
        const created = new core_1.AckMessage();
        strict_1.default.equal(Object.keys(created).includes('delivery'), false);
        strict_1.default.deepEqual((0, core_1.controlCommandOf)({ status: 'error', message: 'Internal server error' }), undefined);
    });
    (0, node_test_1.it)('prefers the error as thrown over the object a filter replaced it by', () => {
        const original = new RangeError('the real cause');
        strict_1.default.equal((0, handler_outcome_1.originalError)({ status: 'error', message: 'Internal server error' }, original), original);
        const thrown = new Error('kept');
        strict_1.default.equal((0, handler_outcome_1.originalError)(thrown, original), thrown);
        strict_1.default.deepEqual((0, handler_outcome_1.originalError)({ status: 'error', message: 'x' }, undefined), { status: 'error', message: 'x' });
    });
    (0, node_test_1.it)("knows when Nest's default filter logged the failure: an error it answered with \"Internal server error\"", async () => {
        const plain = new TypeError('boom');
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)(await throughNestDefaultFilter(plain), plain), true);
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)(await throughNestDefaultFilter(plain), undefined), true, 'without AckModule (nothing recorded)');
        const rpc = new microservices_1.RpcException('Internal server error');
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)(await throughNestDefaultFilter(rpc), rpc), false, 'an RpcException is answered without a log line');
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)(await throughNestDefaultFilter(new core_1.RejectMessage()), undefined), false);
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)(plain, plain), false, "a filter that passed the error on: nobody logged it");
        strict_1.default.equal((0, handler_outcome_1.loggedByNestFilter)({ status: 'error', message: 'handled by my filter' }, plain), false);
    });
});
//# sourceMappingURL=handler-outcome.test.js.map