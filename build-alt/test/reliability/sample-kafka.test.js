"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const kafka_broker_1 = require("../support/kafka-broker");
const sample_run_1 = require("../support/sample-run");
(0, node_test_1.describe)('the sample on Kafka (SAMPLE_BROKER=kafka)', () => {
    (0, node_test_1.it)('settles every message: every record committed, the dead letters in the .dlt topics', { timeout: 120_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'kafka', SAMPLE_KEEP: '1' }, 100_000);
        const group = `sample-${run.runId}`;
        const topics = sample_run_1.SAMPLE_PATTERNS.map((name) => `sample-${run.runId}.${name}`);
        try {
            (0, sample_run_1.assertSampleAgreed)(run);
            strict_1.default.match(run.stdout, /^broker: group sample-\w+: committed offsets sum to 14, 0 record\(s\) past them on 7 topics$/m);
            // Read again by the test itself: committed offsets at the end offsets, 6 records on the dead-letter topics.
            for (const topic of topics)
                strict_1.default.equal(await (0, kafka_broker_1.uncommitted)(topic, group), 0, `${topic} fully committed`);
            let deadLetters = 0;
            for (const topic of topics)
                deadLetters += await (0, kafka_broker_1.endOffsetTotal)(`${topic}.dlt`);
            strict_1.default.equal(deadLetters, 6);
        }
        finally {
            if (run.runId)
                await (0, kafka_broker_1.deleteTopicsAndGroups)([...topics, ...topics.map((t) => `${t}.dlt`)], [group, `${group}-dlt-reader`]);
            await (0, kafka_broker_1.closeSharedAdmin)();
        }
    });
});
//# sourceMappingURL=sample-kafka.test.js.map