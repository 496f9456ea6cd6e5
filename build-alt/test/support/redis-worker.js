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
Object.defineProperty(exports, "__esModule", { value: true });
// A consumer process for the Redis reliability tests:
//   REDIS_WORKER_STREAM=<stream> node redis-worker.js <group> <consumer> <minIdleMs>
// prints `ready`, then `started <id>` when a handler starts and `processed <id>`
// when it finished (before its ack). A message `{ id, ms }` keeps its handler busy for `ms`.
// With REDIS_WORKER_HANG_AFTER=<n>, every handler that starts after n have finished never returns,
// so the process holds a full window of pending entries until it is killed.
require("reflect-metadata");
const promises_1 = require("node:timers/promises");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const module_1 = require("../../lib/module");
const redis_1 = require("../../lib/redis");
const redis_broker_1 = require("./redis-broker");
const STREAM = process.env.REDIS_WORKER_STREAM ?? 'redis-worker.unset';
const HANG_AFTER = process.env.REDIS_WORKER_HANG_AFTER ? Number(process.env.REDIS_WORKER_HANG_AFTER) : Infinity;
let finished = 0;
let WorkerController = class WorkerController {
    async handle(item) {
        process.stdout.write(`started ${item.id}\n`);
        if (finished >= HANG_AFTER)
            await new Promise(() => undefined);
        await (0, promises_1.setTimeout)(item.ms ?? 5);
        finished += 1;
        process.stdout.write(`processed ${item.id}\n`);
    }
};
__decorate([
    (0, microservices_1.EventPattern)(STREAM),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], WorkerController.prototype, "handle", null);
WorkerController = __decorate([
    (0, common_1.Controller)()
], WorkerController);
let WorkerModule = class WorkerModule {
};
WorkerModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [WorkerController] })
], WorkerModule);
async function main() {
    const [group, consumer, minIdle] = process.argv.slice(2);
    if (!group || !consumer || !minIdle)
        throw new Error('usage: redis-worker <group> <consumer> <minIdleMs>');
    const server = new redis_1.RedisAckServer({
        connection: redis_broker_1.REDIS_URL,
        group,
        consumer,
        concurrency: 10,
        minIdleMs: Number(minIdle),
        claimIntervalMs: 50,
        blockMs: 500,
    });
    const app = await core_1.NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: process.env.TEST_LOG ? ['error', 'warn'] : false });
    await app.listen();
    process.stdout.write('ready\n');
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
main().catch((error) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
//# sourceMappingURL=redis-worker.js.map