"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const postgres_1 = require("../../lib/postgres");
const clients_module_1 = require("../support/clients-module");
const postgres_schema_1 = require("../../lib/postgres/postgres-schema");
const postgres_broker_1 = require("../support/postgres-broker");
/** A message table of its own, as `createSchema: true` (or schema.sql) would make it. */
async function newTable() {
    const table = (0, postgres_broker_1.uniqueTable)('clients_module');
    tables.push(table);
    await (0, postgres_schema_1.createPostgresSchema)((0, postgres_broker_1.testPool)(), new postgres_1.PostgresSql({ schema: 'public', table }));
    return table;
}
async function assertOnBroker(table, queue, data) {
    const sql = new postgres_1.PostgresSql({ schema: 'public', table });
    const { rows } = await (0, postgres_broker_1.testPool)().query(`SELECT queue, pattern, state, body FROM ${sql.messages}`);
    strict_1.default.equal(rows.length, 1, 'one row in the table');
    strict_1.default.deepEqual({ queue: rows[0].queue, pattern: rows[0].pattern, state: rows[0].state }, { queue, pattern: 'order.created', state: 'PENDING' });
    strict_1.default.deepEqual(JSON.parse(rows[0].body.toString('utf8')), { pattern: 'order.created', data });
}
const tables = [];
(0, node_test_1.describe)('PostgresAckClient through ClientsModule', () => {
    (0, node_test_1.after)(async () => {
        for (const table of tables)
            await (0, postgres_broker_1.dropTables)(table);
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('register([{ name, customClass: PostgresAckClient, options }]): an injected ClientProxy inserts a row', async () => {
        const table = await newTable();
        const options = { connection: postgres_broker_1.POSTGRES_URL, table, queue: 'orders' };
        await (0, clients_module_1.emitThroughClientsModule)(microservices_1.ClientsModule.register([{ name: clients_module_1.ORDERS, customClass: postgres_1.PostgresAckClient, options }]), postgres_1.PostgresAckClient, 'order.created', { id: 'o-1' });
        await assertOnBroker(table, 'orders', { id: 'o-1' });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
        const table = await newTable();
        const clients = microservices_1.ClientsModule.registerAsync([
            {
                name: clients_module_1.ORDERS,
                imports: [(0, clients_module_1.ordersConfig)({ url: postgres_broker_1.POSTGRES_URL, table })],
                inject: ['ORDERS_CONFIG'],
                useFactory: ({ url, table }) => ({ customClass: postgres_1.PostgresAckClient, options: { connection: url, table, queue: 'billing' } }),
            },
        ]);
        await (0, clients_module_1.emitThroughClientsModule)(clients, postgres_1.PostgresAckClient, 'order.created', { id: 'o-2' });
        await assertOnBroker(table, 'billing', { id: 'o-2' });
    });
});
//# sourceMappingURL=clients-module-postgres.test.js.map