"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startNatsApp = startNatsApp;
const core_1 = require("@nestjs/core");
const nats_1 = require("../../lib/nats");
const nats_broker_1 = require("./nats-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
/** Starts `module` on a new stream (created by the server: `ensureStream`) consuming the handlers' patterns. */
async function startNatsApp(module, options = {}, prefix = 'reliability') {
    const stream = options.stream ?? (0, nats_broker_1.uniqueStream)(prefix);
    const server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, ensureStream: true, connectionOptions: { reconnectTimeWait: 200 }, ...options, stream });
    const events = [];
    for (const name of ['connected', 'disconnected', 'reconnecting'])
        server.on(name, () => events.push(name));
    const dead = server.brokerSettings.deadLetter || { stream: `${stream}_DLQ`, subjectPrefix: `dead-letter.${stream}` };
    const admin = await (0, nats_broker_1.natsAdmin)();
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
    const client = new nats_1.NatsAckClient({ servers: nats_broker_1.NATS_URL, publishTimeoutMs: 60_000, connectionOptions: { reconnectTimeWait: 200 } });
    const close = async () => {
        await app.close().catch(() => undefined);
        await client.close().catch(() => undefined);
        await (0, nats_broker_1.deleteStreams)(admin, stream, dead.stream);
        await admin.nc.close().catch(() => undefined);
    };
    try {
        await app.listen();
        await client.connect();
    }
    catch (error) {
        await close();
        throw error;
    }
    return { app, server, client, admin, stream, deadLetterStream: dead.stream, deadLetterPrefix: dead.subjectPrefix, events, close };
}
//# sourceMappingURL=nats-app.js.map