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
exports.WORKER_LEASE_MS = exports.WORKER_CONCURRENCY = void 0;
// A consumer process for kill tests: `node postgres-worker.js <table>` prints
// `ready`, then `start <id>` when a handler begins and `processed <id>` when it
// finished (before its ack); on SIGTERM it closes gracefully and prints `closed`.
require("reflect-metadata");
const promises_1 = require("node:timers/promises");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const module_1 = require("../../lib/module");
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("./postgres-broker");
exports.WORKER_CONCURRENCY = 10;
exports.WORKER_LEASE_MS = 1500;
let WorkerController = class WorkerController {
    async handle(item) {
        process.stdout.write(`start ${item.id}\n`);
        await (0, promises_1.setTimeout)(15);
        process.stdout.write(`processed ${item.id}\n`);
    }
};
__decorate([
    (0, microservices_1.EventPattern)('kill.item'),
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
    const table = process.argv[2];
    if (!table)
        throw new Error('usage: postgres-worker <table>');
    const server = new postgres_1.PostgresAckServer({ connection: postgres_broker_1.POSTGRES_URL, table, queue: 'kill', concurrency: exports.WORKER_CONCURRENCY, leaseMs: exports.WORKER_LEASE_MS, pollIntervalMs: 100 });
    const app = await core_1.NestFactory.createMicroservice(WorkerModule, { strategy: server, logger: false });
    await app.listen();
    // Graceful close on SIGTERM: in-flight handlers finish and are settled before the exit.
    process.once('SIGTERM', () => {
        void app.close().then(() => {
            process.stdout.write('closed\n');
            process.exit(0);
        });
    });
    process.stdout.write('ready\n');
}
if (require.main === module) {
    main().catch((error) => {
        process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    });
}
//# sourceMappingURL=postgres-worker.js.map