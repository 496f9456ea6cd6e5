"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startPostgresApp = startPostgresApp;
const core_1 = require("@nestjs/core");
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("./postgres-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
async function startPostgresApp(module, options = {}, prefix = 'rel') {
    const table = options.table ?? (0, postgres_broker_1.uniqueTable)(prefix);
    const queue = options.queue ?? 'default';
    const connection = { table, queue, createSchema: true };
    const server = new postgres_1.PostgresAckServer({ connection: postgres_broker_1.POSTGRES_URL, pollIntervalMs: 200, ...options, ...connection });
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
    const client = new postgres_1.PostgresAckClient({ connection: postgres_broker_1.POSTGRES_URL, ...connection });
    const close = async () => {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await (0, postgres_broker_1.dropTables)(table).catch(() => undefined);
    };
    try {
        await app.listen();
        await client.connect();
    }
    catch (error) {
        await close();
        throw error;
    }
    return { app, server, client, table, queue, sql: new postgres_1.PostgresSql({ schema: 'public', table }), close };
}
//# sourceMappingURL=postgres-app.js.map