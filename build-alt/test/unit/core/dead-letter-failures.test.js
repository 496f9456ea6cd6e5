"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const dead_letter_failures_1 = require("../../../lib/core/dead-letter-failures");
const retry_1 = require("../../../lib/core/retry");
(0, node_test_1.describe)('DeadLetterFailures', () => {
    const retry = (0, retry_1.resolveRetry)('retry', { backoff: { type: 'fixed', initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000, jitter: 0 } });
    (0, node_test_1.it)('grows the nack delay up to the backoff cap, even for a fixed backoff', () => {
        const failures = new dead_letter_failures_1.DeadLetterFailures();
        const delays = Array.from({ length: 6 }, (_, i) => failures.refused('m1', retry, i).delayMs);
        strict_1.default.deepEqual(delays, [100, 200, 400, 800, 1000, 1000]);
        strict_1.default.equal(failures.count, 1);
    });
    (0, node_test_1.it)('logs at most once per interval per source, counting what it held back', () => {
        const failures = new dead_letter_failures_1.DeadLetterFailures();
        const logged = [0, 10, 20, dead_letter_failures_1.DEAD_LETTER_LOG_INTERVAL_MS + 5, dead_letter_failures_1.DEAD_LETTER_LOG_INTERVAL_MS + 6].map((now) => failures.refused('m1', retry, now));
        strict_1.default.deepEqual(logged.map((l) => l.log), [true, false, false, true, false]);
        strict_1.default.equal(logged[3].suppressed, 2, 'the next line says how many were held back');
        strict_1.default.equal(failures.refused('m2', retry, 30).log, true, 'another source logs on its own');
        strict_1.default.equal(failures.count, 2);
    });
    (0, node_test_1.it)('forgets a source once it was dead-lettered, and stays bounded', () => {
        const failures = new dead_letter_failures_1.DeadLetterFailures(3);
        failures.refused('a', retry);
        failures.resolved('a');
        strict_1.default.equal(failures.count, 0);
        for (const key of ['a', 'b', 'c', 'd'])
            failures.refused(key, retry);
        strict_1.default.equal(failures.count, 3);
    });
});
//# sourceMappingURL=dead-letter-failures.test.js.map