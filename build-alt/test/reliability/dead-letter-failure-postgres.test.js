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
const module_1 = require("../../lib/module");
const postgres_broker_1 = require("../support/postgres-broker");
const postgres_conformance_adapter_1 = require("../support/postgres-conformance-adapter");
const wait_for_1 = require("../support/wait-for");
const deliveries = [];
const PATTERN = 'dlq.item';
let FailingController = class FailingController {
    handle(context) {
        deliveries.push(context.getDeliveryCount());
        throw new Error('always fails');
    }
};
__decorate([
    (0, microservices_1.EventPattern)(PATTERN),
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
(0, node_test_1.describe)('PostgreSQL dead-letter write refused, consumers and close during start (adapter members)', () => {
    const adapter = (0, postgres_conformance_adapter_1.postgresConformanceAdapter)();
    const targets = [];
    (0, node_test_1.after)(async () => {
        for (const target of targets)
            await target.close();
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('a refused FAILED update leaves the row unsettled and retried until the table takes it', { timeout: 60_000 }, async () => {
        const target = await adapter.start({ module: FailingModule, patterns: [PATTERN], serverOptions: { retry: { backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } } } });
        targets.push(target);
        strict_1.default.equal(await target.consumers(PATTERN), 1, 'one LISTEN connection while running');
        await target.blockDeadLetters(PATTERN, true);
        await target.emit(PATTERN, {});
        await (0, wait_for_1.waitFor)(() => deliveries.length >= 3, { timeoutMs: 20_000, message: 'redelivered after refused dead-letter writes' });
        strict_1.default.equal(await target.outstanding(PATTERN), 1, 'the row is still unsettled');
        strict_1.default.deepEqual(await target.deadLetters(PATTERN), []);
        strict_1.default.ok(target.server.deadLetterFailures >= 1, 'the core counts the refusing target');
        await target.blockDeadLetters(PATTERN, false);
        const [entry] = (await (0, wait_for_1.waitFor)(async () => {
            const entries = await target.deadLetters(PATTERN);
            return entries.length > 0 ? entries : undefined;
        }, { timeoutMs: 20_000, message: 'the dead letter once the table takes it' }));
        strict_1.default.equal(await target.outstanding(PATTERN), 0);
        strict_1.default.equal(entry.reason, 'handler-error');
        strict_1.default.equal(entry.deliveryCount, deliveries.at(-1));
        strict_1.default.deepEqual(deliveries, deliveries.map((_, i) => i + 1), 'counted 1, 2, 3...');
        await target.app.close();
        await (0, wait_for_1.waitFor)(async () => (await target.consumers(PATTERN)) === 0, { message: 'no LISTEN connection after close' });
    });
    for (const afterMs of [0, 10, 50, 200]) {
        (0, node_test_1.it)(`close ${afterMs} ms into the start leaves nothing open`, { timeout: 30_000 }, async () => {
            const target = await adapter.start({ module: FailingModule, patterns: [PATTERN], serverOptions: {}, listen: false });
            targets.push(target);
            const listening = target.app.listen().then(() => 'started', (error) => error.name);
            await new Promise((resolve) => setTimeout(resolve, afterMs));
            await target.app.close();
            const outcome = await listening;
            strict_1.default.ok(['started', 'ClosedDuringStartError'].includes(outcome), `listen() ${outcome}`);
            await (0, wait_for_1.waitFor)(async () => (await target.consumers(PATTERN)) === 0, { message: 'no LISTEN connection after close' });
            strict_1.default.equal(target.server.unwrap(), undefined, 'the pool is gone');
        });
    }
});
//# sourceMappingURL=dead-letter-failure-postgres.test.js.map