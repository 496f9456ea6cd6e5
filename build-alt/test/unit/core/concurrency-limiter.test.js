"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const concurrency_limiter_1 = require("../../../lib/core/concurrency-limiter");
(0, node_test_1.describe)('ConcurrencyLimiter', () => {
    (0, node_test_1.it)('gives free slots at once, then queues callers first come first served', async () => {
        const limiter = new concurrency_limiter_1.ConcurrencyLimiter(2);
        strict_1.default.equal(limiter.tryAcquire(), true);
        await limiter.acquire();
        strict_1.default.equal(limiter.tryAcquire(), false, 'both slots taken');
        const order = [];
        const waiting = [1, 2, 3].map((n) => limiter.acquire().then(() => order.push(n)));
        limiter.release();
        await waiting[0];
        strict_1.default.deepEqual(order, [1]);
        limiter.release();
        limiter.release();
        await Promise.all(waiting);
        strict_1.default.deepEqual(order, [1, 2, 3]);
        // Three slots handed on, two released after them: one slot free again.
        limiter.release();
        limiter.release();
        strict_1.default.equal(limiter.tryAcquire(), true);
        strict_1.default.equal(limiter.tryAcquire(), true);
        strict_1.default.equal(limiter.tryAcquire(), false);
    });
    (0, node_test_1.it)('keeps the order over a long queue, never more than the limit running', async () => {
        const limiter = new concurrency_limiter_1.ConcurrencyLimiter(3);
        let running = 0;
        let peak = 0;
        const order = [];
        const runs = Array.from({ length: 5000 }, async (_, n) => {
            await limiter.acquire();
            running++;
            peak = Math.max(peak, running);
            order.push(n);
            await Promise.resolve();
            running--;
            limiter.release();
        });
        await Promise.all(runs);
        strict_1.default.equal(peak, 3);
        strict_1.default.deepEqual(order, Array.from({ length: 5000 }, (_, n) => n));
        for (let i = 0; i < 3; i++)
            strict_1.default.equal(limiter.tryAcquire(), true);
        strict_1.default.equal(limiter.tryAcquire(), false);
    });
});
//# sourceMappingURL=concurrency-limiter.test.js.map