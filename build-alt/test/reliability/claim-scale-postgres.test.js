"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const postgres_broker_1 = require("../support/postgres-broker");
const postgres_scale_1 = require("../support/postgres-scale");
(0, node_test_1.describe)('PostgreSQL claiming with a large settled backlog', () => {
    const small = (0, postgres_broker_1.uniqueTable)('scale_small');
    const large = (0, postgres_broker_1.uniqueTable)('scale_large');
    (0, node_test_1.after)(async () => {
        await (0, postgres_broker_1.dropTables)(small);
        await (0, postgres_broker_1.dropTables)(large);
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('claims through the partial index: 100,000 rows (99,000 COMPLETED) claim as fast as 1,000', { timeout: 120_000 }, async (t) => {
        const pool = (0, postgres_broker_1.testPool)();
        const smallSql = await (0, postgres_scale_1.fillScaleTable)(pool, small, 1_000, 0);
        const largeSql = await (0, postgres_scale_1.fillScaleTable)(pool, large, 100_000, 99_000);
        const plan = await (0, postgres_scale_1.claimPlan)(pool, largeSql);
        t.diagnostic(`claim plan on ${large}: indexes ${plan.indexes.join(', ')}`);
        strict_1.default.ok(plan.indexes.includes(`${large}_claimable`), `EXPLAIN uses the partial index ${large}_claimable (got ${plan.indexes.join(', ')})`);
        strict_1.default.ok(plan.indexes.includes(`${large}_leased`), 'expired leases are found through their partial index');
        strict_1.default.equal(plan.seqScan, false, 'no sequential scan of the table');
        // Warm both, then alternate rounds so load on the machine hits both alike.
        await (0, postgres_scale_1.medianClaimMs)(pool, smallSql, 5, 10);
        await (0, postgres_scale_1.medianClaimMs)(pool, largeSql, 5, 10);
        const smallTimes = [];
        const largeTimes = [];
        for (let round = 0; round < 8; round++) {
            smallTimes.push(await (0, postgres_scale_1.medianClaimMs)(pool, smallSql, 5, 10));
            largeTimes.push(await (0, postgres_scale_1.medianClaimMs)(pool, largeSql, 5, 10));
        }
        const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const smallMs = median(smallTimes);
        const largeMs = median(largeTimes);
        t.diagnostic(`median claim of 10 rows: ${smallMs.toFixed(2)} ms with 1,000 rows, ${largeMs.toFixed(2)} ms with 100,000 rows`);
        // A sequential scan of 100,000 rows takes tens of ms; the index keeps it within noise of the small table.
        strict_1.default.ok(largeMs <= smallMs * 2 + 1, `claiming with 100,000 rows (${largeMs.toFixed(2)} ms) stays as fast as with 1,000 (${smallMs.toFixed(2)} ms)`);
    });
});
//# sourceMappingURL=claim-scale-postgres.test.js.map