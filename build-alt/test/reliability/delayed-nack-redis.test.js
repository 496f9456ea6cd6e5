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
const core_2 = require("../../lib/core");
const module_1 = require("../../lib/module");
const redis_1 = require("../../lib/redis");
const names_1 = require("../support/names");
const redis_broker_1 = require("../support/redis-broker");
const wait_for_1 = require("../support/wait-for");
const STREAM = (0, names_1.uniqueName)('redis-delay');
const MIN_IDLE_MS = 1000;
const CLAIM_INTERVAL_MS = 50;
/** Delivery times per message id. */
const seen = new Map();
let DelayController = class DelayController {
    handle(item, context) {
        const times = seen.get(item.id) ?? [];
        times.push(Date.now());
        seen.set(item.id, times);
        if (context.getDeliveryCount() === 1)
            throw new core_2.NackMessage({ delayMs: item.delayMs });
    }
};
__decorate([
    (0, core_2.AckPolicy)(core_2.AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 10 } }),
    (0, microservices_1.EventPattern)(STREAM),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", void 0)
], DelayController.prototype, "handle", null);
DelayController = __decorate([
    (0, common_1.Controller)()
], DelayController);
let DelayModule = class DelayModule {
};
DelayModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [DelayController] })
], DelayModule);
(0, node_test_1.describe)('Redis Streams: a nack with a delay (stays pending, claimable when the delay ends)', () => {
    const group = (0, names_1.uniqueName)('group');
    const server = new redis_1.RedisAckServer({ connection: redis_broker_1.REDIS_URL, group, minIdleMs: MIN_IDLE_MS, claimIntervalMs: CLAIM_INTERVAL_MS, blockMs: 500 });
    const client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL });
    let app;
    (0, node_test_1.after)(async () => {
        await app?.close();
        await client.close();
        await (0, redis_broker_1.deleteKeys)([STREAM, `${STREAM}:dlq`]);
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    (0, node_test_1.it)('redelivers no earlier than the delay and within the claim interval after it, below and above minIdleMs, other messages flowing meanwhile', { timeout: 60_000 }, async () => {
        app = await core_1.NestFactory.createMicroservice(DelayModule, { strategy: server, logger: false });
        await app.listen();
        const delays = [0, 100, 400, 2500]; // 2500 > minIdleMs: kept young until the last second of its delay
        for (const [i, delayMs] of delays.entries())
            await (0, rxjs_1.firstValueFrom)(client.emit(STREAM, { id: i, delayMs }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => delays.every((_, i) => (seen.get(i)?.length ?? 0) === 2), { timeoutMs: 20_000, message: 'every message redelivered once' });
        const measured = delays.map((delayMs, i) => ({ delayMs, afterMs: seen.get(i)[1] - seen.get(i)[0] }));
        process.stdout.write(`# nack delay -> observed redelivery (ms): ${measured.map((m) => `${m.delayMs}->${m.afterMs}`).join(', ')}\n`);
        for (const { delayMs, afterMs } of measured) {
            strict_1.default.ok(afterMs >= delayMs, `not before its delay: ${delayMs} ms asked, ${afterMs} ms observed`);
            // One claim interval late at most, plus the scheduling slack of a busy test machine.
            strict_1.default.ok(afterMs <= delayMs + CLAIM_INTERVAL_MS + 250, `within a claim interval after its delay: ${delayMs} ms asked, ${afterMs} ms observed`);
        }
        const longest = seen.get(delays.length - 1)[1];
        strict_1.default.ok(delays.slice(0, -1).every((_, i) => seen.get(i)[1] < longest), 'the long delay held back no other message');
        await (0, wait_for_1.waitFor)(async () => (await (0, redis_broker_1.outstandingIn)(STREAM, group)) === 0, { message: 'all acked on their second delivery' });
        strict_1.default.deepEqual(await (0, redis_broker_1.pendingEntries)(STREAM, group), []);
    });
});
//# sourceMappingURL=delayed-nack-redis.test.js.map