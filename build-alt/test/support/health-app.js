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
exports.DOWN_WITHIN_MS = exports.HEALTH_KEY = void 0;
exports.startHealthApp = startHealthApp;
exports.checkUntil = checkUntil;
exports.downThenUp = downThenUp;
const strict_1 = __importDefault(require("node:assert/strict"));
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const terminus_1 = require("@nestjs/terminus");
const wait_for_1 = require("./wait-for");
const health_1 = require("../../lib/health");
exports.HEALTH_KEY = 'ack';
async function startHealthApp(server, patterns, { handler = () => undefined, logger = false } = {}) {
    let HandlersController = class HandlersController {
    };
    HandlersController = __decorate([
        (0, common_1.Controller)()
    ], HandlersController);
    for (const pattern of patterns) {
        const name = `on_${pattern.replace(/\W/g, '_')}`;
        Object.defineProperty(HandlersController.prototype, name, { value: (data) => handler(data), writable: true, configurable: true });
        const descriptor = Object.getOwnPropertyDescriptor(HandlersController.prototype, name);
        (0, microservices_1.Payload)()(HandlersController.prototype, name, 0);
        (0, microservices_1.EventPattern)(pattern)(HandlersController.prototype, name, descriptor);
    }
    let HealthAppModule = class HealthAppModule {
    };
    HealthAppModule = __decorate([
        (0, common_1.Module)({ imports: [terminus_1.TerminusModule.forRoot({ logger: false })], controllers: [HandlersController], providers: [health_1.AckHealthIndicator] })
    ], HealthAppModule);
    const app = await core_1.NestFactory.createMicroservice(HealthAppModule, { strategy: server, logger });
    await app.listen();
    const health = app.get(terminus_1.HealthCheckService);
    const indicator = app.get(health_1.AckHealthIndicator);
    return {
        app,
        async check(options, target = server) {
            try {
                return (await health.check([() => indicator.check(exports.HEALTH_KEY, target, options)]));
            }
            catch (error) {
                // A down check: terminus throws a 503 whose body is the result.
                const unavailable = error;
                if (unavailable.getStatus?.() === 503)
                    return unavailable.getResponse();
                throw error;
            }
        },
        close: () => app.close(),
    };
}
/** Polls the terminus check until its status is `wanted`; returns that answer and when it came. */
async function checkUntil(health, wanted, timeoutMs) {
    let answer;
    await (0, wait_for_1.waitFor)(async () => (answer = await health.check()).status === wanted, { timeoutMs, intervalMs: 100, message: `health status ${wanted} (last ${JSON.stringify(answer)})` });
    return { answer: answer, at: Date.now() };
}
/** Longest time from a broker stop to a `down` check (the done-when line). */
exports.DOWN_WITHIN_MS = 5000;
/**
 * Stops the broker, asserts the check is `down` (not connected) within
 * `DOWN_WITHIN_MS` of the stop, starts it again and waits for `up`. Returns
 * both answers for the caller's assertions on the details.
 */
async function downThenUp(health, broker) {
    strict_1.default.equal((await health.check()).status, 'ok', `${broker.label} is up before the stop`);
    await broker.stop();
    const stoppedAt = Date.now();
    const down = await checkUntil(health, 'error', 15_000);
    const downAfterMs = down.at - stoppedAt;
    console.log(`${broker.label} health: down ${downAfterMs} ms after the stop (${down.answer.error?.[exports.HEALTH_KEY]?.error})`);
    strict_1.default.ok(downAfterMs < exports.DOWN_WITHIN_MS, `${broker.label}: down ${downAfterMs} ms after the stop`);
    const details = down.answer.error?.[exports.HEALTH_KEY];
    strict_1.default.equal(details?.status, 'down');
    strict_1.default.equal(details?.connected, false);
    strict_1.default.ok(details?.error, 'a down check says why');
    await broker.start();
    const up = await checkUntil(health, 'ok', broker.upWithinMs ?? 60_000);
    console.log(`${broker.label} health: up ${up.at - stoppedAt} ms after the stop (restarted in between)`);
    return { down: down.answer, up: up.answer };
}
//# sourceMappingURL=health-app.js.map