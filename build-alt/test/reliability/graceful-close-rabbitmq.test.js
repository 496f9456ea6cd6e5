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
const state = { handled: [], release: () => { }, gate: Promise.resolve() };
let HeldController = class HeldController {
    async handle(item) {
        state.handled.push(item.id);
        await state.gate;
    }
};
__decorate([
    (0, microservices_1.EventPattern)('held.item'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], HeldController.prototype, "handle", null);
HeldController = __decorate([
    (0, common_1.Controller)()
], HeldController);
let HeldModule = class HeldModule {
};
HeldModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [HeldController] })
], HeldModule);
(0, node_test_1.describe)('graceful close on RabbitMQ', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        state.release();
        await target?.close();
        target = undefined;
    });
    (0, node_test_1.it)('finishes and acks the in-flight handler; prefetched messages waiting for a slot are not started, they go back to the queue', { timeout: 30_000 }, async () => {
        state.handled = [];
        state.gate = new Promise((resolve) => (state.release = resolve));
        target = await (0, rabbit_app_1.startRabbitApp)(HeldModule, { concurrency: 1, prefetch: 10, defaultPolicy: 'ACK' }, 'close');
        for (let id = 1; id <= 5; id++)
            await (0, rxjs_1.firstValueFrom)(target.client.emit('held.item', { id }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => state.handled.length === 1, { message: 'one handler in flight' });
        await (0, wait_for_1.waitFor)(async () => (await (0, rabbit_broker_1.queueDepth)(target.queue))?.unacked === 5, { message: 'all five prefetched' });
        const closing = target.app.close();
        await (0, wait_for_1.waitFor)(() => target.server.isClosing);
        state.release();
        await closing;
        strict_1.default.deepEqual(state.handled, [1], 'only the in-flight message ran');
        strict_1.default.deepEqual(await (0, rabbit_broker_1.queueDepth)(target.queue), { ready: 4, unacked: 0 }, 'the in-flight one acked, the other four back in the queue');
    });
});
//# sourceMappingURL=graceful-close-rabbitmq.test.js.map