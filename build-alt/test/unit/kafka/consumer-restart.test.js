"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const consumer_restart_1 = require("../../../lib/kafka/consumer-restart");
(0, node_test_1.describe)('shouldRestartConsumer', () => {
    const startedAt = 1_000_000;
    (0, node_test_1.it)('restarts a retriable crash before the first join within the start window', () => {
        strict_1.default.equal((0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: false, closing: false, startedAt, now: startedAt + 2_000 }), true);
    });
    (0, node_test_1.it)('fails the start once the window is over', () => {
        strict_1.default.equal((0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: false, closing: false, startedAt, now: startedAt + consumer_restart_1.START_RESTART_WINDOW_MS }), false);
    });
    (0, node_test_1.it)('always restarts after the first join', () => {
        strict_1.default.equal((0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: true, closing: false, startedAt, now: startedAt + 10 * consumer_restart_1.START_RESTART_WINDOW_MS }), true);
    });
    (0, node_test_1.it)('never restarts while closing', () => {
        strict_1.default.equal((0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: true, closing: true, startedAt, now: startedAt }), false);
        strict_1.default.equal((0, consumer_restart_1.shouldRestartConsumer)({ joinedOnce: false, closing: true, startedAt, now: startedAt }), false);
    });
});
//# sourceMappingURL=consumer-restart.test.js.map