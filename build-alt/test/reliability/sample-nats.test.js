"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const nats_broker_1 = require("../support/nats-broker");
const sample_run_1 = require("../support/sample-run");
(0, node_test_1.describe)('the sample on NATS JetStream (SAMPLE_BROKER=nats)', () => {
    (0, node_test_1.it)('settles every message: nothing pending on the consumers, the dead letters in the DLQ stream', { timeout: 90_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'nats', SAMPLE_KEEP: '1' });
        const stream = `SAMPLE_${run.runId.toUpperCase()}`;
        const admin = await (0, nats_broker_1.natsAdmin)();
        try {
            (0, sample_run_1.assertSampleAgreed)(run);
            strict_1.default.match(run.stdout, new RegExp(`^broker: dead-letter stream ${stream}_DLQ: 6 message\\(s\\)$`, 'm'));
            // Read again by the test itself: the consumers' info and the streams' message counts.
            let consumers = 0;
            for await (const info of admin.jsm.consumers.list(stream)) {
                consumers++;
                strict_1.default.equal((0, nats_broker_1.outstandingOf)(info), 0, `consumer ${info.name} owes nothing`);
            }
            strict_1.default.ok(consumers >= 1, 'the sample created its consumers');
            strict_1.default.equal((await admin.jsm.streams.info(stream)).state.messages, 14);
            strict_1.default.equal((await admin.jsm.streams.info(`${stream}_DLQ`)).state.messages, 6);
        }
        finally {
            if (run.runId)
                await (0, nats_broker_1.deleteStreams)(admin, stream, `${stream}_DLQ`);
            await admin.nc.close();
        }
    });
});
//# sourceMappingURL=sample-nats.test.js.map