"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
(0, node_test_1.describe)('retry rules', () => {
    const retry = (0, core_1.resolveRetry)('retry', { maxDeliveries: 3, backoff: { type: 'exponential', initialDelayMs: 100, multiplier: 2, maxDelayMs: 350, jitter: 0 } });
    (0, node_test_1.it)('grows the delay exponentially and caps it at maxDelayMs', () => {
        strict_1.default.deepEqual([1, 2, 3, 4].map((n) => (0, core_1.backoffDelay)(retry.backoff, n)), [100, 200, 350, 350]);
    });
    (0, node_test_1.it)('keeps a fixed delay fixed', () => {
        const fixed = (0, core_1.resolveRetry)('retry', { backoff: { type: 'fixed', initialDelayMs: 70, jitter: 0 } });
        strict_1.default.deepEqual([1, 2, 5].map((n) => (0, core_1.backoffDelay)(fixed.backoff, n)), [70, 70, 70]);
    });
    (0, node_test_1.it)('spreads the delay by at most the jitter fraction', () => {
        const jittery = (0, core_1.resolveRetry)('retry', { backoff: { type: 'fixed', initialDelayMs: 1000, jitter: 0.2 } });
        strict_1.default.equal((0, core_1.backoffDelay)(jittery.backoff, 1, () => 0), 800);
        strict_1.default.equal((0, core_1.backoffDelay)(jittery.backoff, 1, () => 0.5), 1000);
        strict_1.default.equal((0, core_1.backoffDelay)(jittery.backoff, 1, () => 0.999999), 1200);
    });
    (0, node_test_1.it)('turns a nack at maxDeliveries into a reject with reason max-deliveries', () => {
        strict_1.default.deepEqual((0, core_1.decideNack)(retry, 2), { kind: 'nack', delayMs: 200 });
        strict_1.default.deepEqual((0, core_1.decideNack)(retry, 3), { kind: 'reject', reason: 'max-deliveries' });
        strict_1.default.deepEqual((0, core_1.decideNack)(retry, 3, 5), { kind: 'reject', reason: 'max-deliveries' }, 'an explicit delay does not extend the budget');
    });
    (0, node_test_1.it)('lets an explicit delay win over the backoff', () => {
        strict_1.default.deepEqual((0, core_1.decideNack)(retry, 1, 5), { kind: 'nack', delayMs: 5 });
    });
    (0, node_test_1.it)('layers handler options over server options over defaults', () => {
        const layered = (0, core_1.resolveRetry)('retry', { maxDeliveries: 9, backoff: { initialDelayMs: 10 } }, { maxDeliveries: 2 });
        strict_1.default.equal(layered.maxDeliveries, 2);
        strict_1.default.equal(layered.backoff.initialDelayMs, 10);
        strict_1.default.equal(layered.backoff.type, 'exponential');
        strict_1.default.equal(layered.backoff.maxDelayMs, 60_000);
    });
    (0, node_test_1.it)('names the bad option and the allowed values', () => {
        strict_1.default.throws(() => (0, core_1.resolveRetry)('retry', { maxDeliveries: 0 }), /invalid retry\.maxDeliveries 0; allowed: a number >= 1/);
        strict_1.default.throws(() => (0, core_1.resolveRetry)('retry', { backoff: { type: 'linear' } }), /invalid retry\.backoff\.type "linear"; allowed: fixed, exponential/);
        strict_1.default.throws(() => (0, core_1.resolveRetry)('retry', { backoff: { jitter: 2 } }), /invalid retry\.backoff\.jitter 2/);
        strict_1.default.throws(() => (0, core_1.resolveRetry)('retry', { backoff: { initialDelayMs: -1 } }), /retry\.backoff\.initialDelayMs/);
    });
});
//# sourceMappingURL=retry.test.js.map