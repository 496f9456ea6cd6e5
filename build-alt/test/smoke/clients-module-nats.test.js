"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const nats_1 = require("../../lib/nats");
const clients_module_1 = require("../support/clients-module");
const nats_broker_1 = require("../support/nats-broker");
(0, node_test_1.describe)('NatsAckClient through ClientsModule', () => {
    let admin;
    const streams = [];
    /** A stream of its own capturing a fresh subject (the client provisions nothing: the server owns streams). */
    async function newSubject() {
        const stream = (0, nats_broker_1.uniqueStream)('CLIENTS_MODULE');
        const subject = `clients-module.${stream.toLowerCase()}`;
        streams.push(stream);
        await admin.jsm.streams.add({ name: stream, subjects: [subject] });
        return { stream, subject };
    }
    async function assertOnBroker(stream, subject, data) {
        const messages = await (0, nats_broker_1.streamMessages)(admin, stream, subject);
        strict_1.default.equal(messages.length, 1, 'one message stored on the subject');
        strict_1.default.deepEqual(JSON.parse(Buffer.from(messages[0].data).toString('utf8')), { pattern: subject, data });
    }
    (0, node_test_1.before)(async () => {
        admin = await (0, nats_broker_1.natsAdmin)();
    });
    (0, node_test_1.after)(async () => {
        await (0, nats_broker_1.deleteStreams)(admin, ...streams);
        await admin.nc.close();
    });
    (0, node_test_1.it)('register([{ name, customClass: NatsAckClient, options }]): an injected ClientProxy publishes to the stream', async () => {
        const { stream, subject } = await newSubject();
        const options = { servers: nats_broker_1.NATS_URL };
        await (0, clients_module_1.emitThroughClientsModule)(microservices_1.ClientsModule.register([{ name: clients_module_1.ORDERS, customClass: nats_1.NatsAckClient, options }]), nats_1.NatsAckClient, subject, { id: 'o-1' });
        await assertOnBroker(stream, subject, { id: 'o-1' });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
        const { stream, subject } = await newSubject();
        const clients = microservices_1.ClientsModule.registerAsync([
            {
                name: clients_module_1.ORDERS,
                imports: [(0, clients_module_1.ordersConfig)({ servers: nats_broker_1.NATS_URL })],
                inject: ['ORDERS_CONFIG'],
                useFactory: ({ servers }) => ({ customClass: nats_1.NatsAckClient, options: { servers, publishTimeoutMs: 5000 } }),
            },
        ]);
        await (0, clients_module_1.emitThroughClientsModule)(clients, nats_1.NatsAckClient, subject, { id: 'o-2' });
        await assertOnBroker(stream, subject, { id: 'o-2' });
    });
});
//# sourceMappingURL=clients-module-nats.test.js.map