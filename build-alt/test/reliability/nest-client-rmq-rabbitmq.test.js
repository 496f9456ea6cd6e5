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
const events = [];
let MigratedController = class MigratedController {
    created(data, context) {
        events.push({ data, headers: context.getHeaders(), deliveryCount: context.getDeliveryCount() });
    }
    total(lines) {
        return lines.reduce((sum, n) => sum + n, 0);
    }
    fail() {
        throw new Error('cannot total this order');
    }
};
__decorate([
    (0, microservices_1.EventPattern)('orders.created'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", void 0)
], MigratedController.prototype, "created", null);
__decorate([
    (0, microservices_1.MessagePattern)('orders.total'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Array]),
    __metadata("design:returntype", void 0)
], MigratedController.prototype, "total", null);
__decorate([
    (0, microservices_1.MessagePattern)('orders.fail'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], MigratedController.prototype, "fail", null);
MigratedController = __decorate([
    (0, common_1.Controller)()
], MigratedController);
let MigratedModule = class MigratedModule {
};
MigratedModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [MigratedController] })
], MigratedModule);
/**
 * Producers keep Nest's own ClientRMQ; only the consumer moves to
 * RabbitAckServer.
 */
// Nest's ClientRMQ loads amqp-connection-manager at run time: it is a devDependency, so this never skips.
(0, node_test_1.describe)("Nest's own ClientRMQ talking to RabbitAckServer", () => {
    let target;
    let client;
    (0, node_test_1.before)(async () => {
        target = await (0, rabbit_app_1.startRabbitApp)(MigratedModule, {}, 'clientrmq');
        // noAssert: the queue is ours (quorum, with a dead-letter exchange); ClientRMQ's own
        // declaration without those arguments would be refused by the broker (406).
        client = new microservices_1.ClientRMQ({ urls: [rabbit_broker_1.RABBITMQ_URL], queue: target.queue, noAssert: true, persistent: true });
        await client.connect();
    });
    (0, node_test_1.after)(async () => {
        await client?.close();
        await target?.close();
    });
    (0, node_test_1.it)('emit(): handled and acked', { timeout: 30_000 }, async () => {
        const record = new microservices_1.RmqRecordBuilder({ orderId: 7 }).setOptions({ headers: { tenant: 'acme' } }).build();
        await (0, rxjs_1.lastValueFrom)(client.emit('orders.created', record), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => events.length === 1, { message: 'the event handled' });
        strict_1.default.deepEqual(events[0].data, { orderId: 7 });
        strict_1.default.equal(events[0].headers.tenant, 'acme');
        strict_1.default.equal(events[0].deliveryCount, 1);
        await (0, wait_for_1.waitFor)(async () => {
            const depth = await (0, rabbit_broker_1.queueDepth)(target.queue);
            return depth?.ready === 0 && depth.unacked === 0;
        }, { message: 'queue depth 0' });
    });
    (0, node_test_1.it)('send(): the reply comes back through direct reply-to', { timeout: 30_000 }, async () => {
        strict_1.default.equal(await (0, rxjs_1.firstValueFrom)(client.send('orders.total', [1, 2, 39])), 42);
    });
    (0, node_test_1.it)('send() to a failing handler: the error reply reaches the caller, the message is dead-lettered', { timeout: 30_000 }, async () => {
        // What Nest's own transports reply for a plain Error (only an RpcException's message is passed on).
        await strict_1.default.rejects((0, rxjs_1.firstValueFrom)(client.send('orders.fail', {})), (error) => {
            strict_1.default.deepEqual(error, { status: 'error', message: 'Internal server error' });
            return true;
        });
        await (0, wait_for_1.waitFor)(async () => (await (0, rabbit_broker_1.queueDepth)(`${target.queue}.dlq`))?.ready === 1, { message: 'one dead letter' });
    });
});
//# sourceMappingURL=nest-client-rmq-rabbitmq.test.js.map