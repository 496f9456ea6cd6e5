"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
(0, node_test_1.describe)('SettleOnce', () => {
    (0, node_test_1.it)('lets the first decision win and refuses every later one', () => {
        const state = new core_1.SettleOnce();
        strict_1.default.equal(state.isSettled, false);
        strict_1.default.equal(state.claim({ kind: 'nack', delayMs: 5 }), true);
        strict_1.default.equal(state.claim({ kind: 'ack' }), false);
        strict_1.default.equal(state.claim({ kind: 'reject', reason: 'x' }), false);
        strict_1.default.deepEqual(state.settlement, { kind: 'nack', delayMs: 5 });
    });
    (0, node_test_1.it)('reports the fallback when a claimed reject could only be carried out as a nack, and stays claimed', () => {
        const state = new core_1.SettleOnce();
        state.claim({ kind: 'reject', reason: 'handler-error' });
        state.fellBackTo({ kind: 'nack', delayMs: 100 });
        strict_1.default.deepEqual(state.settlement, { kind: 'nack', delayMs: 100 });
        strict_1.default.equal(state.claim({ kind: 'ack' }), false, 'no second decision after a fallback');
    });
    (0, node_test_1.it)('closes an abandoned delivery without a settlement', () => {
        const state = new core_1.SettleOnce();
        state.abandon();
        strict_1.default.equal(state.isSettled, true);
        strict_1.default.equal(state.settlement, undefined);
        strict_1.default.equal(state.claim({ kind: 'ack' }), false, 'an abandoned delivery is never acked');
    });
    (0, node_test_1.it)('keeps an earlier decision when abandoned afterwards', () => {
        const state = new core_1.SettleOnce();
        state.claim({ kind: 'ack' });
        state.abandon();
        strict_1.default.deepEqual(state.settlement, { kind: 'ack' });
    });
});
//# sourceMappingURL=settle-once.test.js.map