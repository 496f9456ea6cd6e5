"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const reconnect_1 = require("../../../lib/core/reconnect");
const redact_url_1 = require("../../../lib/core/redact-url");
const rabbit_url_1 = require("../../../lib/rabbitmq/rabbit-url");
(0, node_test_1.describe)('reconnect backoff', () => {
    (0, node_test_1.it)('grows exponentially from initialDelayMs up to maxDelayMs', () => {
        const options = (0, reconnect_1.resolveReconnect)({ initialDelayMs: 100, maxDelayMs: 1000, multiplier: 2 });
        const middle = () => 0.5; // no jitter
        strict_1.default.deepEqual([1, 2, 3, 4, 5, 10].map((attempt) => (0, reconnect_1.reconnectDelay)(options, attempt, middle)), [100, 200, 400, 800, 1000, 1000]);
    });
    (0, node_test_1.it)('spreads by ±20 % and never passes maxDelayMs', () => {
        const options = (0, reconnect_1.resolveReconnect)({ initialDelayMs: 100, maxDelayMs: 1000 });
        strict_1.default.equal((0, reconnect_1.reconnectDelay)(options, 1, () => 0), 80);
        strict_1.default.equal((0, reconnect_1.reconnectDelay)(options, 1, () => 1), 120);
        strict_1.default.equal((0, reconnect_1.reconnectDelay)(options, 20, () => 1), 1000);
    });
    (0, node_test_1.it)('defaults', () => {
        strict_1.default.deepEqual((0, reconnect_1.resolveReconnect)(undefined), reconnect_1.DEFAULT_RECONNECT);
        strict_1.default.equal((0, reconnect_1.resolveReconnect)({ maxAttempts: undefined }).maxAttempts, Infinity);
    });
});
(0, node_test_1.describe)('RabbitMQ URLs', () => {
    (0, node_test_1.it)('one or several; redacted for logs', () => {
        strict_1.default.deepEqual((0, rabbit_url_1.resolveUrls)('amqp://a'), ['amqp://a']);
        strict_1.default.deepEqual((0, rabbit_url_1.resolveUrls)(['amqps://a', 'amqp://b']), ['amqps://a', 'amqp://b']);
        strict_1.default.throws(() => (0, rabbit_url_1.resolveUrls)([]), /invalid urls \[\]; allowed: an amqp:\/\/ or amqps:\/\/ URL/);
        strict_1.default.throws(() => (0, rabbit_url_1.resolveUrls)(['http://user:secret@x']), (error) => error.name === 'InvalidOptionError' && !error.message.includes('secret'));
        strict_1.default.equal((0, redact_url_1.redactUrl)('amqp://user:secret@host:5672/vhost?heartbeat=5'), 'amqp://host:5672/vhost');
        strict_1.default.equal((0, redact_url_1.redactUrl)('not a url with secret'), '<unparseable url>');
    });
});
(0, node_test_1.describe)('reconnectLoop', () => {
    const fast = (0, reconnect_1.resolveReconnect)({ initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 });
    (0, node_test_1.it)('tries until an attempt connects, reporting each attempt and failure', async () => {
        const attempts = [];
        const failures = [];
        let calls = 0;
        const loop = (0, reconnect_1.reconnectLoop)(fast, {
            connect: async () => {
                if (++calls < 2)
                    throw new Error('refused');
            },
            isClosed: () => false,
            onAttempt: (attempt) => attempts.push(attempt),
            onAttemptFailed: (error) => failures.push(error),
        });
        strict_1.default.equal(await loop.done, true);
        strict_1.default.deepEqual(attempts, [1, 2]);
        strict_1.default.equal(failures.length, 1);
    });
    (0, node_test_1.it)('gives up after maxAttempts, and stops at once when closed', async () => {
        const spent = (0, reconnect_1.reconnectLoop)(fast, { connect: () => Promise.reject(new Error('down')), isClosed: () => false });
        strict_1.default.equal(await spent.done, false);
        let closed = false;
        const slow = (0, reconnect_1.reconnectLoop)((0, reconnect_1.resolveReconnect)({ initialDelayMs: 60_000, maxDelayMs: 60_000 }), { connect: async () => undefined, isClosed: () => closed });
        closed = true;
        slow.wake();
        strict_1.default.equal(await slow.done, false, 'closed while waiting: no attempt made');
    });
});
//# sourceMappingURL=reconnect.test.js.map