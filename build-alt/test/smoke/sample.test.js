"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const sample_run_1 = require("../support/sample-run");
// The README's first command runs this sample: it must start without a broker and print each settlement.
// The sample on each real broker is tested in that broker's lane (test/reliability/sample-<broker>.test.ts).
(0, node_test_1.describe)('the sample app', () => {
    (0, node_test_1.it)('runs on the in-memory transport by default, prints every settlement and a summary the broker agrees with', { timeout: 30_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: '' });
        (0, sample_run_1.assertSampleAgreed)(run);
        const settled = run.stdout.split('\n').filter((line) => line.startsWith('settled '));
        strict_1.default.equal(settled.length, 18, run.stdout); // 14 final settlements + 4 nacks
        strict_1.default.match(run.stdout, /settled ack +payment\.capture +delivery=3/);
        strict_1.default.match(run.stdout, /settled reject order\.created +delivery=1 reason=fraud-suspected/);
        strict_1.default.match(run.stdout, /broker: queue "orders": ready=0 unacked=0 delayed=0 dead-lettered=6/);
    });
    (0, node_test_1.it)('says so loudly and exits non-zero when messages are not settled in time', { timeout: 30_000 }, async () => {
        // 150 ms is shorter than the NACK_ON_ERROR handler's two 100 ms retry delays: those messages are still waiting.
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'in-memory', SAMPLE_TIMEOUT_MS: '150' });
        strict_1.default.equal(run.code, 1, run.stdout + run.stderr);
        strict_1.default.match(run.stderr, /NOT SETTLED AS EXPECTED on in-memory:/);
        strict_1.default.match(run.stderr, /messages were settled after 150 ms/);
        strict_1.default.match(run.stderr, /the broker still holds \d+ unsettled message/);
        strict_1.default.doesNotMatch(run.stdout, /^OK:/m);
    });
    (0, node_test_1.it)('refuses an unknown SAMPLE_BROKER', { timeout: 30_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'mqtt' });
        strict_1.default.equal(run.code, 1);
        strict_1.default.match(run.stderr, /SAMPLE_BROKER=mqtt is not one of in-memory, rabbitmq, kafka, nats, redis, postgres/);
    });
});
//# sourceMappingURL=sample.test.js.map