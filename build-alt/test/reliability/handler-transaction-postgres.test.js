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
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("../support/postgres-broker");
const postgres_app_1 = require("../support/postgres-app");
const wait_for_1 = require("../support/wait-for");
let effects = '';
let TransactionController = class TransactionController {
    async handle(job, ctx) {
        await ctx.transaction(async (client) => {
            await client.query(`INSERT INTO "${effects}" (ref, attempt) VALUES ($1, $2)`, [job.ref, ctx.getAttempts()]);
            if (ctx.getAttempts() < job.failUntil)
                throw new Error(`failed after writing, attempt ${ctx.getAttempts()}`);
        });
    }
};
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 10, jitter: 0 } } }),
    (0, microservices_1.EventPattern)('tx.job'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, postgres_1.PostgresAckContext]),
    __metadata("design:returntype", Promise)
], TransactionController.prototype, "handle", null);
TransactionController = __decorate([
    (0, common_1.Controller)()
], TransactionController);
let TransactionModule = class TransactionModule {
};
TransactionModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [TransactionController] })
], TransactionModule);
(0, node_test_1.describe)('PostgreSQL handler transaction (PostgresAckContext.transaction)', () => {
    let target;
    (0, node_test_1.after)(async () => {
        if (effects)
            await (0, postgres_broker_1.testPool)().query(`DROP TABLE IF EXISTS "${effects}"`);
        await target?.close();
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('the handler\'s writes and the ack commit together; a failure rolls both back', { timeout: 30_000 }, async () => {
        target = await (0, postgres_app_1.startPostgresApp)(TransactionModule, { pollIntervalMs: 50 });
        effects = `${target.table}_effects`;
        const db = (0, postgres_broker_1.testPool)();
        await db.query(`CREATE TABLE "${effects}" (ref text NOT NULL, attempt int NOT NULL)`);
        const emit = (job) => (0, rxjs_1.firstValueFrom)(target.client.emit('tx.job', job), { defaultValue: undefined });
        await emit({ ref: 'first-time', failUntil: 0 });
        await emit({ ref: 'second-time', failUntil: 2 });
        await emit({ ref: 'never', failUntil: 99 });
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(target.table)) === JSON.stringify({ COMPLETED: 2, FAILED: 1 }), { message: '2 COMPLETED and 1 FAILED' });
        const { rows } = await db.query(`SELECT ref, attempt FROM "${effects}" ORDER BY ref`);
        // Exactly one effect per completed message, written by the delivery that acked; none of the failed attempts.
        strict_1.default.deepEqual(rows, [{ ref: 'first-time', attempt: 1 }, { ref: 'second-time', attempt: 2 }]);
        const failed = await db.query(`SELECT attempts, reason, last_error FROM ${target.sql.messages} WHERE state = 'FAILED'`);
        strict_1.default.deepEqual(failed.rows[0], { attempts: 3, reason: 'max-deliveries', last_error: 'failed after writing, attempt 3' });
    });
});
//# sourceMappingURL=handler-transaction-postgres.test.js.map