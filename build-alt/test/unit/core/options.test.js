"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const ack_server_settings_1 = require("../../../lib/core/ack-server-settings");
const testing_1 = require("../../../lib/testing");
(0, node_test_1.describe)('server options', () => {
    (0, node_test_1.it)('applies the documented defaults', () => {
        const settings = (0, ack_server_settings_1.resolveServerSettings)({});
        strict_1.default.equal(settings.defaultPolicy, 'REJECT_ON_ERROR');
        strict_1.default.equal(settings.concurrency, 10);
        strict_1.default.equal(settings.shutdownTimeoutMs, 10_000);
        strict_1.default.equal(settings.retry.maxDeliveries, 5);
        strict_1.default.deepEqual(settings.retry.backoff, { type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 });
    });
    (0, node_test_1.it)('fails at construction naming the bad option and the allowed values', () => {
        const broker = new testing_1.InMemoryBroker();
        strict_1.default.throws(() => new testing_1.InMemoryAckServer({ broker, defaultPolicy: 'ACK_LATER' }), /invalid defaultPolicy "ACK_LATER"; allowed: ACK_FIRST, ACK, REJECT_ON_ERROR, NACK_ON_ERROR, MANUAL/);
        strict_1.default.throws(() => new testing_1.InMemoryAckServer({ broker, concurrency: 0 }), /invalid concurrency 0; allowed: an integer >= 1/);
        strict_1.default.throws(() => new testing_1.InMemoryAckServer({ broker, shutdownTimeoutMs: -5 }), /invalid shutdownTimeoutMs -5/);
        strict_1.default.throws(() => new testing_1.InMemoryAckServer({}), /invalid broker undefined; allowed: an InMemoryBroker/);
    });
});
//# sourceMappingURL=options.test.js.map