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
const seen = { processed: new Set(), poisonCounts: [] };
let WorkController = class WorkController {
    handle(item, context) {
        if (item.poison) {
            seen.poisonCounts.push(context.getDeliveryCount());
            throw new Error('poison pill cannot be processed');
        }
        seen.processed.add(item.id);
    }
};
__decorate([
    (0, microservices_1.EventPattern)('work.item'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", void 0)
], WorkController.prototype, "handle", null);
WorkController = __decorate([
    (0, common_1.Controller)()
], WorkController);
// AckModule keeps the original error for the dead letter (Nest's default filter would erase it).
let PoisonModule = class PoisonModule {
};
PoisonModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [WorkController] })
], PoisonModule);
for (const queueType of ['quorum', 'classic']) {
    (0, node_test_1.describe)(`a poison message on RabbitMQ (${queueType} queue)`, () => {
        let target;
        (0, node_test_1.before)(async () => {
            seen.processed.clear();
            seen.poisonCounts.length = 0;
            target = await (0, rabbit_app_1.startRabbitApp)(PoisonModule, {
                queueType,
                defaultPolicy: 'NACK_ON_ERROR',
                retry: { maxDeliveries: 4, backoff: { type: 'fixed', initialDelayMs: 30, jitter: 0 } },
                concurrency: 10,
            }, `poison.${queueType}`);
        });
        (0, node_test_1.after)(() => target?.close());
        (0, node_test_1.it)('is delivered exactly 4 times, then sits in <queue>.dlq while 99 others are processed', { timeout: 60_000 }, async () => {
            const poisonId = 50;
            for (let id = 1; id <= 100; id++) {
                await (0, rxjs_1.firstValueFrom)(target.client.emit('work.item', { id, poison: id === poisonId }), { defaultValue: undefined });
            }
            const dlq = `${target.queue}.dlq`;
            const [entry] = (await (0, wait_for_1.waitFor)(async () => {
                const entries = await (0, rabbit_broker_1.peekQueue)(dlq);
                return entries.length > 0 ? entries : undefined;
            }, { timeoutMs: 30_000, message: 'the poison message in the dead-letter queue' }));
            await (0, wait_for_1.waitFor)(() => seen.processed.size === 99, { timeoutMs: 30_000, message: '99 messages processed' });
            await (0, wait_for_1.waitFor)(async () => {
                const depth = await (0, rabbit_broker_1.queueDepth)(target.queue);
                return depth?.ready === 0 && depth.unacked === 0;
            }, { timeoutMs: 20_000, message: 'queue depth 0 (ready and unacked)' });
            strict_1.default.deepEqual(seen.poisonCounts, [1, 2, 3, 4], 'delivery counts the handler saw');
            strict_1.default.equal(seen.processed.has(poisonId), false);
            strict_1.default.equal((await (0, rabbit_broker_1.peekQueue)(dlq)).length, 1, 'exactly one dead letter');
            const dead = (0, rabbit_broker_1.deadLetterFields)(entry);
            strict_1.default.deepEqual(JSON.parse(dead.body.toString('utf8')).data, { id: poisonId, poison: true }, 'the original body');
            strict_1.default.equal(dead.reason, 'max-deliveries');
            strict_1.default.equal(dead.errorName, 'Error');
            strict_1.default.equal(dead.errorMessage, 'poison pill cannot be processed');
            strict_1.default.equal(dead.deliveryCount, 4);
            strict_1.default.equal(dead.source.queue, target.queue);
            strict_1.default.ok(dead.firstFailureAt && dead.lastFailureAt && dead.firstFailureAt < dead.lastFailureAt, 'first failure before last failure');
            strict_1.default.equal(dead.headers[core_1.DeadLetterHeaders.REASON], 'max-deliveries');
            strict_1.default.equal(entry.properties.messageId !== undefined, true, 'the client\'s message id travels with it');
        });
    });
}
//# sourceMappingURL=poison-rabbitmq.test.js.map