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
const core_1 = require("../../lib/core");
const module_1 = require("../../lib/module");
const rabbit_broker_1 = require("../support/rabbit-broker");
const rabbit_app_1 = require("../support/rabbit-app");
const wait_for_1 = require("../support/wait-for");
const state = { delayMs: 0, slowCounts: [], others: new Set() };
let DelayController = class DelayController {
    async handle(item, context) {
        if (item.slow) {
            state.slowCounts.push(context.getDeliveryCount());
            if (context.getDeliveryCount() === 1) {
                await context.nack({ delayMs: state.delayMs });
                return;
            }
        }
        else {
            state.others.add(item.id);
        }
        await context.ack();
    }
};
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.MANUAL),
    (0, microservices_1.EventPattern)('delay.item'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", Promise)
], DelayController.prototype, "handle", null);
DelayController = __decorate([
    (0, common_1.Controller)()
], DelayController);
let DelayModule = class DelayModule {
};
DelayModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [DelayController] })
], DelayModule);
(0, node_test_1.describe)('a nack with a delay on RabbitMQ', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        await target?.close();
        target = undefined;
    });
    const emit = (item) => (0, rxjs_1.firstValueFrom)(target.client.emit('delay.item', item), { defaultValue: undefined });
    for (const queueType of ['quorum', 'classic']) {
        (0, node_test_1.it)(`${queueType}: blocks no other message (concurrency 1), stays unacked on the broker meanwhile, then comes back as delivery 2`, { timeout: 60_000 }, async () => {
            Object.assign(state, { delayMs: 4000, slowCounts: [], others: new Set() });
            target = await (0, rabbit_app_1.startRabbitApp)(DelayModule, { queueType, concurrency: 1, prefetch: 20 }, `delay.${queueType}`);
            await emit({ id: 0, slow: true });
            await (0, wait_for_1.waitFor)(() => state.slowCounts.length === 1, { message: 'the first delivery nacked' });
            for (let id = 1; id <= 10; id++)
                await emit({ id });
            await (0, wait_for_1.waitFor)(() => state.others.size === 10, { timeoutMs: 3000, message: '10 other messages processed within the delay' });
            strict_1.default.deepEqual(state.slowCounts, [1], 'not redelivered before its delay');
            // Held unacked on its channel: the broker counts it as outstanding.
            strict_1.default.deepEqual(await (0, rabbit_broker_1.queueDepth)(target.queue), { ready: 0, unacked: 1 });
            await (0, wait_for_1.waitFor)(() => state.slowCounts.length === 2, { timeoutMs: 15_000, message: 'the redelivery after the delay' });
            strict_1.default.deepEqual(state.slowCounts, [1, 2]);
            await (0, wait_for_1.waitFor)(async () => (await (0, rabbit_broker_1.queueDepth)(target.queue))?.unacked === 0 && (await (0, rabbit_broker_1.queueDepth)(target.queue))?.ready === 0, { message: 'queue depth 0' });
        });
    }
    (0, node_test_1.it)('at close, a message waiting for its delay goes back to the queue at once', { timeout: 30_000 }, async () => {
        Object.assign(state, { delayMs: 600_000, slowCounts: [], others: new Set() });
        target = await (0, rabbit_app_1.startRabbitApp)(DelayModule, {}, 'delay.close');
        await emit({ id: 0, slow: true });
        await (0, wait_for_1.waitFor)(() => state.slowCounts.length === 1, { message: 'the first delivery nacked' });
        await (0, wait_for_1.waitFor)(async () => (await (0, rabbit_broker_1.queueDepth)(target.queue))?.unacked === 1, { message: 'held unacked' });
        const started = Date.now();
        await target.app.close();
        strict_1.default.ok(Date.now() - started < 5000, 'close does not wait for the delay');
        strict_1.default.deepEqual(await (0, rabbit_broker_1.queueDepth)(target.queue), { ready: 1, unacked: 0 }, 'back in the queue, ready for another consumer');
    });
});
//# sourceMappingURL=delayed-nack-rabbitmq.test.js.map