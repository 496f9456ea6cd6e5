"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const postgres_broker_1 = require("../support/postgres-broker");
const sample_run_1 = require("../support/sample-run");
(0, node_test_1.describe)('the sample on PostgreSQL (SAMPLE_BROKER=postgres)', () => {
    (0, node_test_1.it)('settles every message: the rows are COMPLETED or FAILED (the dead letters)', { timeout: 90_000 }, async () => {
        const run = await (0, sample_run_1.runSample)({ SAMPLE_BROKER: 'postgres', SAMPLE_KEEP: '1' });
        const table = `sample_${run.runId}`;
        try {
            (0, sample_run_1.assertSampleAgreed)(run);
            strict_1.default.match(run.stdout, new RegExp(`^broker: table ${table}, queue "orders": 8 COMPLETED, 6 FAILED$`, 'm'));
            // Read again by the test itself.
            strict_1.default.deepEqual(await (0, postgres_broker_1.statesOf)(table), { COMPLETED: 8, FAILED: 6 });
        }
        finally {
            if (run.runId)
                await (0, postgres_broker_1.dropTables)(table);
            await (0, postgres_broker_1.endTestPool)();
        }
    });
});
//# sourceMappingURL=sample-postgres.test.js.map