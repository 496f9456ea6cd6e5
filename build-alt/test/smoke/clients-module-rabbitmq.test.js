"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const rabbitmq_1 = require("../../lib/rabbitmq");
const clients_module_1 = require("../support/clients-module");
const names_1 = require("../support/names");
const rabbit_broker_1 = require("../support/rabbit-broker");
async function declareQueue() {
    const queue = (0, names_1.uniqueName)('clients-module');
    queues.push(queue);
    await (0, rabbit_broker_1.withRabbit)(async (model) => {
        const channel = await model.createChannel();
        await channel.assertQueue(queue, { durable: true });
        await channel.close();
    });
    return queue;
}
async function assertOnBroker(queue, data) {
    const messages = await (0, rabbit_broker_1.peekQueue)(queue);
    strict_1.default.equal(messages.length, 1, 'one message on the queue');
    strict_1.default.deepEqual(JSON.parse(messages[0].content.toString('utf8')), { pattern: 'order.created', data });
    strict_1.default.equal(messages[0].properties.deliveryMode, 2, 'persistent by default');
}
const queues = [];
(0, node_test_1.describe)('RabbitAckClient through ClientsModule', () => {
    (0, node_test_1.after)(async () => {
        for (const queue of queues)
            await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
    });
    (0, node_test_1.it)('register([{ name, customClass: RabbitAckClient, options }]): an injected ClientProxy publishes to the queue', async () => {
        const queue = await declareQueue();
        const options = { urls: rabbit_broker_1.RABBITMQ_URL, queue };
        await (0, clients_module_1.emitThroughClientsModule)(microservices_1.ClientsModule.register([{ name: clients_module_1.ORDERS, customClass: rabbitmq_1.RabbitAckClient, options }]), rabbitmq_1.RabbitAckClient, 'order.created', { id: 'o-1' });
        await assertOnBroker(queue, { id: 'o-1' });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
        const queue = await declareQueue();
        const clients = microservices_1.ClientsModule.registerAsync([
            {
                name: clients_module_1.ORDERS,
                imports: [(0, clients_module_1.ordersConfig)({ queue })],
                inject: ['ORDERS_CONFIG'],
                useFactory: ({ queue }) => ({ customClass: rabbitmq_1.RabbitAckClient, options: { urls: rabbit_broker_1.RABBITMQ_URL, queue } }),
            },
        ]);
        await (0, clients_module_1.emitThroughClientsModule)(clients, rabbitmq_1.RabbitAckClient, 'order.created', { id: 'o-2' });
        await assertOnBroker(queue, { id: 'o-2' });
    });
});
//# sourceMappingURL=clients-module-rabbitmq.test.js.map