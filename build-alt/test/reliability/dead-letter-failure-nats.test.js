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
const nats_app_1 = require("../support/nats-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const SUBJECT = (0, names_1.uniqueName)('dlqfail');
const deliveries = [];
let FailingController = class FailingController {
    handle(context) {
        deliveries.push(context.getDeliveryCount());
        throw new Error('always fails');
    }
};
__decorate([
    (0, microservices_1.EventPattern)(SUBJECT),
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
(0, node_test_1.describe)('NATS dead-letter stream missing', () => {
    let target;
    (0, node_test_1.after)(() => target?.close());
    (0, node_test_1.it)('the source is not termed while the dead-letter stream is gone; it comes back until the stream takes it', { timeout: 60_000 }, async () => {
        target = await (0, nats_app_1.startNatsApp)(FailingModule, {
            defaultPolicy: 'REJECT_ON_ERROR',
            retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } },
            deadLetter: { publishTimeoutMs: 1000 },
        }, 'dlqfail');
        const info = () => (0, nats_broker_1.consumerInfo)(target.admin, target.stream, target.server.consumerPlans[0].name);
        // No stream captures the dead-letter subjects any more: the publish gets no acknowledgement.
        await target.admin.jsm.streams.delete(target.deadLetterStream);
        await (0, rxjs_1.firstValueFrom)(target.client.emit(SUBJECT, {}), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => deliveries.length >= 3, { timeoutMs: 30_000, message: 'redelivered after failed dead-letter publishes' });
        strict_1.default.equal((0, nats_broker_1.outstandingOf)(await info()) >= 1, true, 'the source is still the consumer\'s');
        strict_1.default.ok(target.server.deadLetterFailures >= 1, 'reported as a refused dead letter');
        await target.admin.jsm.streams.add({ name: target.deadLetterStream, subjects: [`${target.deadLetterPrefix}.>`] });
        const [entry] = (await (0, wait_for_1.waitFor)(async () => {
            const entries = await (0, nats_broker_1.natsDeadLetters)(target.admin, target.deadLetterStream, target.deadLetterPrefix, SUBJECT);
            return entries.length > 0 ? entries : undefined;
        }, { timeoutMs: 30_000, message: 'the dead letter once the stream is back' }));
        await (0, wait_for_1.waitFor)(async () => {
            const now = await info();
            return now.num_ack_pending === 0 && now.num_pending === 0;
        }, { message: 'source termed after the stored dead letter' });
        strict_1.default.equal(entry.reason, 'handler-error');
        strict_1.default.equal(entry.deliveryCount, deliveries.at(-1));
        strict_1.default.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3... by the server');
        strict_1.default.equal(target.server.deadLetterFailures, 0);
    });
});
//# sourceMappingURL=dead-letter-failure-nats.test.js.map