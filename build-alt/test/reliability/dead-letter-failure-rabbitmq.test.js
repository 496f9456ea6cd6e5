"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const rabbit_broker_1 = require("../support/rabbit-broker");
const rabbit_app_1 = require("../support/rabbit-app");
const wait_for_1 = require("../support/wait-for");
const deliveries = [];
let FailingController = class FailingController {
    handle(context) {
        deliveries.push(context.getDeliveryCount());
        throw new Error('always fails');
    }
};
__decorate([
    (0, microservices_1.EventPattern)('dlq.item'),
    __param(0, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", void 0)
], FailingController.prototype, "handle", null);
FailingController = __decorate([
    (0, common_1.Controller)()
], FailingController);
let FailingModule = class FailingModule {
};
FailingModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [FailingController] })
], FailingModule);
(0, node_test_1.describe)('RabbitMQ dead-letter publish failure', () => {
    let target;
    (0, node_test_1.after)(() => target?.close());
    (0, node_test_1.it)('the source is nacked, never acked, until the dead-letter queue takes it', { timeout: 60_000 }, async () => {
        target = await (0, rabbit_app_1.startRabbitApp)(FailingModule, {
            defaultPolicy: 'REJECT_ON_ERROR',
            retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
        }, 'dlqfail');
        const dlq = `${target.queue}.dlq`;
        // The dead-letter exchange stays, but no queue is bound to it any more: the publish is returned.
        await (0, rabbit_broker_1.withRabbit)(async (model) => {
            const channel = await model.createChannel();
            await channel.deleteQueue(dlq);
            await channel.close();
        });
        await (0, rxjs_1.firstValueFrom)(target.client.emit('dlq.item', {}), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => deliveries.length >= 3, { timeoutMs: 20_000, message: 'redelivered after failed dead-letter publishes' });
        const depth = await (0, rabbit_broker_1.queueDepth)(target.queue);
        strict_1.default.equal((depth?.ready ?? 0) + (depth?.unacked ?? 0), 1, 'the source is still on the broker');
        await (0, rabbit_broker_1.withRabbit)(async (model) => {
            const channel = await model.createChannel();
            await channel.assertQueue(dlq, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
            await channel.bindQueue(dlq, `${target.queue}.dlx`, target.queue);
            await channel.close();
        });
        const [entry] = (await (0, wait_for_1.waitFor)(async () => {
            const entries = await (0, rabbit_broker_1.peekQueue)(dlq);
            return entries.length > 0 ? entries : undefined;
        }, { timeoutMs: 20_000, message: 'the dead letter once the queue is back' }));
        await (0, wait_for_1.waitFor)(async () => {
            const d = await (0, rabbit_broker_1.queueDepth)(target.queue);
            return d?.ready === 0 && d.unacked === 0;
        }, { message: 'source acked after the confirmed dead-letter publish' });
        const dead = (0, rabbit_broker_1.deadLetterFields)(entry);
        strict_1.default.equal(dead.reason, 'handler-error');
        strict_1.default.equal(dead.deliveryCount, deliveries.at(-1));
        strict_1.default.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3...');
    });
});
//# sourceMappingURL=dead-letter-failure-rabbitmq.test.js.map