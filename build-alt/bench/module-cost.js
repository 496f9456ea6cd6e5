"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const lib_1 = require("../lib");
const testing_1 = require("../lib/testing");
const measure_1 = require("./measure");
/**
 * What importing `AckModule` costs per message, without a broker's noise: the
 * in-memory transport drains the same backlog with a no-op handler, without
 * the module, with it, with it plus `AckErrorInterceptor` registered globally
 * (what `AckModule` did before), and with a global interceptor that does
 * nothing (the floor of any interceptor-based design: Nest's own interceptor
 * plumbing). Besides messages per second it reports CPU microseconds per
 * message (`process.cpuUsage`), which other processes on a loaded machine
 * disturb far less than wall time.
 * `node build/bench/module-cost.js [messages] [rounds]`
 */
const MESSAGES = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const VARIANTS = ['ours', 'ours + AckModule', 'ours + AckModule + global AckErrorInterceptor', 'ours + a global no-op interceptor'];
let NoopInterceptor = class NoopInterceptor {
    intercept(_context, next) {
        return next.handle();
    }
};
NoopInterceptor = __decorate([
    (0, common_1.Injectable)()
], NoopInterceptor);
async function drain(variant) {
    const broker = new testing_1.InMemoryBroker();
    const body = Buffer.from(JSON.stringify({ pattern: 'bench', data: { i: 1 } }));
    for (let i = 0; i < MESSAGES; i++)
        broker.publish('bench', body);
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'bench', concurrency: 50, deadLetter: false });
    const meter = (0, measure_1.settleMeter)(variant, MESSAGES);
    let cpuAtFirst;
    server.on('settled', () => {
        cpuAtFirst ??= process.cpuUsage();
        meter.tick();
    });
    let module = (0, measure_1.benchModule)('bench', () => undefined, { ackPolicy: true, ackModule: variant.includes('AckModule') });
    const interceptor = variant.endsWith('AckErrorInterceptor') ? lib_1.AckErrorInterceptor : variant.endsWith('no-op interceptor') ? NoopInterceptor : undefined;
    if (interceptor) {
        class WithInterceptor {
        }
        (0, common_1.Module)({ imports: [module], providers: [{ provide: core_1.APP_INTERCEPTOR, useClass: interceptor }] })(WithInterceptor);
        module = WithInterceptor;
    }
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: ['error'] });
    await app.listen();
    const { perSecond } = await meter.result;
    const cpu = process.cpuUsage(cpuAtFirst);
    await app.close();
    return { perSecond, cpuMicrosPerMessage: (cpu.user + cpu.system) / (MESSAGES - 1) };
}
async function main() {
    const results = new Map(VARIANTS.map((v) => [v, []]));
    await drain('ours'); // warm-up: JIT
    for (let round = 0; round < ROUNDS; round++)
        for (const variant of VARIANTS)
            results.get(variant).push(await drain(variant));
    const baseRate = (0, measure_1.median)(results.get('ours').map((r) => r.perSecond));
    const baseCpu = (0, measure_1.median)(results.get('ours').map((r) => r.cpuMicrosPerMessage));
    for (const [variant, rounds] of results) {
        const rate = (0, measure_1.median)(rounds.map((r) => r.perSecond));
        const cpu = (0, measure_1.median)(rounds.map((r) => r.cpuMicrosPerMessage));
        console.log(`${variant.padEnd(48)} ${String(Math.round(rate)).padStart(6)}/s (${(rate / baseRate).toFixed(2)} of ours)  ` +
            `${cpu.toFixed(1).padStart(5)} µs CPU/msg (${(baseCpu / cpu).toFixed(2)} of ours' speed)  rounds/s ${rounds.map((r) => r.perSecond).join(' ')}`);
    }
    process.exit(0);
}
void main();
//# sourceMappingURL=module-cost.js.map