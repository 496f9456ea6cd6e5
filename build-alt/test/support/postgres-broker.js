"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.POSTGRES_URL = void 0;
exports.uniqueTable = uniqueTable;
exports.testPool = testPool;
exports.endTestPool = endTestPool;
exports.dropTables = dropTables;
exports.statesOf = statesOf;
const node_crypto_1 = require("node:crypto");
const pg_1 = require("pg");
const postgres_1 = require("../../lib/postgres");
const postgres_sql_1 = require("../../lib/postgres/postgres-sql");
const broker_urls_1 = require("./broker-urls");
exports.POSTGRES_URL = broker_urls_1.brokerUrls.postgres;
/** A table name no earlier run used (SQL names: letters, digits, underscores). */
function uniqueTable(prefix) {
    return `${prefix}_${Date.now().toString(36)}_${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
}
/** One pool for the tests' own SQL (assertions read row states with plain SQL). */
let shared;
function testPool() {
    if (!shared) {
        shared = new pg_1.Pool({ connectionString: exports.POSTGRES_URL, max: 4 });
        shared.on('error', () => undefined);
    }
    return shared;
}
async function endTestPool() {
    const pool = shared;
    shared = undefined;
    await pool?.end();
}
/** Drops the message table of `table` and its replies table. */
async function dropTables(table, schema = 'public') {
    const sql = new postgres_1.PostgresSql({ schema, table });
    await testPool().query(`DROP TABLE IF EXISTS ${sql.messages}; DROP TABLE IF EXISTS ${sql.replies}`);
}
/** Rows of `table` by state, e.g. `{ COMPLETED: 3, FAILED: 1 }`. */
async function statesOf(table, where = 'true', values = []) {
    const { rows } = await testPool().query(`SELECT state, count(*) AS n FROM ${(0, postgres_sql_1.quoteIdent)(table)} WHERE ${where} GROUP BY state ORDER BY state`, values);
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}
//# sourceMappingURL=postgres-broker.js.map