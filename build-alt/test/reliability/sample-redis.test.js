"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const redis_broker_1 = require("../support/redis-broker");
const sample_run_1 = require("../support/sample-run");
(0, node_test_1.describe)('the sample on Redis Streams (SAMPLE_BROKER=redis)', () => {
    (0, node_test_1.it)('settles every message: nothing pending in the group, the dead letters in the :dlq streams', { timeout: 90_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'redis', SAMPLE_KEEP: '1' });
        const group = `sample-${run.runId}`;
        const streams = sample_run_1.SAMPLE_PATTERNS.map((name) => `sample-${run.runId}.${name}`);
        try {
            (0, sample_run_1.assertSampleAgreed)(run);
            // Read again by the test itself: XPENDING / unread entries per stream, XLEN of the dead-letter streams.
            for (const stream of streams)
                strict_1.default.equal(await (0, redis_broker_1.outstandingIn)(stream, group), 0, `${stream} settled`);
            let deadLetters = 0;
            for (const stream of streams)
                deadLetters += await (0, redis_broker_1.redisAdmin)().xlen(`${stream}:dlq`);
            strict_1.default.equal(deadLetters, 6);
        }
        finally {
            if (run.runId)
                await (0, redis_broker_1.deleteKeys)([...streams, ...streams.map((s) => `${s}:dlq`)]);
            await (0, redis_broker_1.closeRedisAdmin)();
        }
    });
});
//# sourceMappingURL=sample-redis.test.js.map