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
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const nats_1 = require("../../lib/nats");
const nats_app_1 = require("../support/nats-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const SUBJECT = (0, names_1.uniqueName)('close');
const ACK_WAIT_MS = 4000;
const seen = [];
let appName = 'first';
let release = () => { };
let gate = Promise.resolve();
let CloseController = class CloseController {
    async handle(item, context) {
        seen.push({ app: appName, id: item.id, at: Date.now(), deliveries: context.getDeliveryCount() });
        if (appName === 'first')
            await gate;
    }
};
__decorate([
    (0, microservices_1.EventPattern)(SUBJECT),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", Promise)
], CloseController.prototype, "handle", null);
CloseController = __decorate([
    (0, common_1.Controller)()
], CloseController);
let CloseModule = class CloseModule {
};
CloseModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [CloseController] })
], CloseModule);
(0, node_test_1.describe)('NATS graceful close', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        release();
        await target?.close();
        target = undefined;
    });
    (0, node_test_1.it)('a handler still running at shutdownTimeoutMs does not hold close(); what it pulled comes back to another instance after ack_wait, nothing lost', { timeout: 60_000 }, async () => {
        gate = new Promise((resolve) => (release = resolve));
        target = await (0, nats_app_1.startNatsApp)(CloseModule, { concurrency: 1, batchSize: 10, ackWaitMs: ACK_WAIT_MS, shutdownTimeoutMs: 300 }, 'close');
        for (let id = 1; id <= 5; id++)
            await (0, rxjs_1.firstValueFrom)(target.client.emit(SUBJECT, { id }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => seen.length === 1, { message: 'the first handler running' });
        const closing = Date.now();
        await target.app.close();
        const closeMs = Date.now() - closing;
        strict_1.default.ok(closeMs < ACK_WAIT_MS / 2, `close() took ${closeMs} ms; it must not wait for the held handler beyond shutdownTimeoutMs`);
        strict_1.default.equal(seen.length, 1, 'nothing else started on the closing app');
        // A second instance on the same durable consumer.
        appName = 'second';
        const server = new nats_1.NatsAckServer({ servers: nats_broker_1.NATS_URL, stream: target.stream, ackWaitMs: ACK_WAIT_MS });
        const second = await core_1.NestFactory.createMicroservice(CloseModule, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
        await second.listen();
        try {
            await (0, wait_for_1.waitFor)(() => new Set(seen.filter((s) => s.app === 'second').map((s) => s.id)).size === 5, { timeoutMs: 3 * ACK_WAIT_MS, message: 'all five on the second app' });
            strict_1.default.equal(seen.filter((s) => s.app === 'second').length, 5, 'each once');
            // ack_wait runs from the server's delivery to the first app (all five were pulled in one batch,
            // no later than the first handler started), not from the close.
            const pulledBy = seen.find((s) => s.app === 'first').at;
            for (const { id, at } of seen.filter((s) => s.app === 'second')) {
                strict_1.default.ok(at - pulledBy >= ACK_WAIT_MS - 200, `message ${id} was left unsettled by the closed app and came back after ack_wait (${at - pulledBy} ms after the first delivery, ${at - closing} ms after close)`);
            }
        }
        finally {
            await second.close();
        }
    });
});
//# sourceMappingURL=graceful-close-nats.test.js.map