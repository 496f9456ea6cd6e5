"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const postgres_sql_1 = require("../../lib/postgres/postgres-sql");
const postgres_broker_1 = require("../support/postgres-broker");
const run_child_1 = require("../support/run-child");
const CHILD = (0, node_path_1.join)(__dirname, '../support/postgres-close-child.js');
(0, node_test_1.describe)('postgres: a close during listen() lets the process exit by itself', () => {
    const tables = [];
    (0, node_test_1.after)(async () => {
        for (const table of tables)
            await (0, postgres_broker_1.dropTables)(table).catch(() => undefined);
        await (0, postgres_broker_1.endTestPool)();
    });
    for (const delayMs of [0, 10, 50, 200, 400]) {
        (0, node_test_1.it)(`closed ${delayMs} ms into the start`, async () => {
            const table = (0, postgres_broker_1.uniqueTable)('close_start');
            tables.push(table);
            const { code, output } = await (0, run_child_1.runChild)(CHILD, [table, String(delayMs)]);
            strict_1.default.equal(code, 0, output);
            strict_1.default.match(output, /^listen: (started|ClosedDuringStartError)$/m, 'listen() settled');
            strict_1.default.match(output, /^closed$/m);
            const { rows } = await (0, postgres_broker_1.testPool)().query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1`, [`LISTEN "${(0, postgres_sql_1.wakeChannel)({ schema: 'public', table })}"`]);
            strict_1.default.equal(rows[0].n, 0, 'no LISTEN connection left');
        });
    }
});
//# sourceMappingURL=close-during-start-postgres.test.js.map