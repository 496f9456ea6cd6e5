"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startRabbitApp = startRabbitApp;
const core_1 = require("@nestjs/core");
const rabbitmq_1 = require("../../lib/rabbitmq");
const names_1 = require("./names");
const rabbit_broker_1 = require("./rabbit-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
async function startRabbitApp(module, options = {}, prefix = 'reliability') {
    const queue = options.queue ?? (0, names_1.uniqueName)(prefix);
    const server = new rabbitmq_1.RabbitAckServer({ urls: rabbit_broker_1.RABBITMQ_URL, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 }, ...options, queue });
    const events = [];
    for (const name of ['connected', 'disconnected', 'reconnecting'])
        server.on(name, () => events.push(name));
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
    const client = new rabbitmq_1.RabbitAckClient({ urls: rabbit_broker_1.RABBITMQ_URL, queue, publishTimeoutMs: 60_000, reconnect: { initialDelayMs: 100, maxDelayMs: 1000 } });
    const close = async () => {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await (0, rabbit_broker_1.deleteRabbitTopology)(queue).catch(() => undefined);
    };
    try {
        await app.listen();
        await client.connect();
    }
    catch (error) {
        await close();
        throw error;
    }
    return { app, server, client, queue, events, close };
}
//# sourceMappingURL=rabbit-app.js.map