"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const rabbitmq_1 = require("../../lib/rabbitmq");
const names_1 = require("../support/names");
const rabbit_broker_1 = require("../support/rabbit-broker");
let EmptyModule = class EmptyModule {
};
EmptyModule = __decorate([
    (0, common_1.Module)({})
], EmptyModule);
async function listenError(options) {
    const app = await core_1.NestFactory.createMicroservice(EmptyModule, { strategy: new rabbitmq_1.RabbitAckServer(options), logger: false });
    try {
        await app.listen();
    }
    catch (error) {
        return error;
    }
    finally {
        await app.close().catch(() => undefined);
    }
    throw new Error('listen() should have failed');
}
(0, node_test_1.describe)('RabbitAckServer start-up errors', () => {
    const queues = [];
    (0, node_test_1.after)(async () => {
        for (const queue of queues)
            await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
    });
    (0, node_test_1.it)('an unreachable broker: listen() fails, naming the host but never the password', { timeout: 30_000 }, async () => {
        const error = await listenError({ queue: (0, names_1.uniqueName)('startup'), urls: 'amqp://someone:s3cret-pw@127.0.0.1:1' });
        strict_1.default.match(error.message, /could not connect to RabbitMQ \(amqp:\/\/127\.0\.0\.1:1/);
        strict_1.default.ok(!error.message.includes('s3cret-pw'));
    });
    (0, node_test_1.it)('a queue that exists with other arguments: the error says what to change', { timeout: 30_000 }, async () => {
        const queue = (0, names_1.uniqueName)('startup');
        queues.push(queue);
        await (0, rabbit_broker_1.withRabbit)(async (model) => {
            const channel = await model.createChannel();
            await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'classic' } });
            await channel.close();
        });
        const error = await listenError({ queue, urls: rabbit_broker_1.RABBITMQ_URL });
        strict_1.default.match(error.message, /could not declare queue ".*": .*PRECONDITION_FAILED.*noAssert: true/);
    });
    (0, node_test_1.it)('noAssert on a queue that does not exist: the error names it', { timeout: 30_000 }, async () => {
        const queue = (0, names_1.uniqueName)('startup');
        const error = await listenError({ queue, urls: rabbit_broker_1.RABBITMQ_URL, noAssert: true });
        strict_1.default.match(error.message, new RegExp(`could not check queue "${queue.replace(/\./g, '\\.')}": .*NOT_FOUND`));
    });
});
//# sourceMappingURL=startup-errors-rabbitmq.test.js.map