"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../lib/core");
const sample_run_1 = require("../support/sample-run");
const rabbit_broker_1 = require("../support/rabbit-broker");
(0, node_test_1.describe)('the sample on RabbitMQ (SAMPLE_BROKER=rabbitmq)', () => {
    (0, node_test_1.it)('settles every message, and the queue and its dead-letter queue show the summary', { timeout: 90_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'rabbitmq', SAMPLE_KEEP: '1' });
        const queue = `sample-${run.runId}`;
        try {
            (0, sample_run_1.assertSampleAgreed)(run);
            strict_1.default.match(run.stdout, new RegExp(`^broker: queue ${queue}: 0 message\\(s\\) ready$`, 'm'));
            strict_1.default.match(run.stdout, new RegExp(`^broker: dead-letter queue ${queue}\\.dlq: 6 message\\(s\\)$`, 'm'));
            // Read again by the test itself, from the queue's own counters.
            strict_1.default.deepEqual(await (0, rabbit_broker_1.queueDepth)(queue), { ready: 0, unacked: 0 });
            const reasons = (await (0, rabbit_broker_1.peekQueue)(`${queue}.dlq`)).map((m) => String(m.properties.headers?.[core_1.DeadLetterHeaders.REASON])).sort();
            strict_1.default.deepEqual(reasons, ['deserialization', 'fraud-suspected', 'handler-error', 'max-deliveries', 'no-handler', 'no-tracking']);
        }
        finally {
            if (run.runId)
                await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
        }
    });
});
//# sourceMappingURL=sample-rabbitmq.test.js.map