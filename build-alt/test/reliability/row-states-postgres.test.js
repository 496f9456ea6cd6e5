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
const seen = [];
let RowController = class RowController {
    async handle(command, ctx) {
        seen.push({ key: command.key, attempts: ctx.getAttempts(), id: ctx.getId() });
        const step = command.steps[Math.min(ctx.getDeliveryCount(), command.steps.length) - 1];
        if (step === 'ack')
            await ctx.ack();
        else if (step === 'nack')
            await ctx.nack({ delayMs: command.delayMs });
        else if (step === 'reject')
            await ctx.reject({ reason: 'row-test' });
        else if (step === 'throw')
            throw new TypeError('row handler failed');
        else if (step === 'hold') {
            await new Promise((resolve) => setTimeout(resolve, command.delayMs));
            await ctx.ack();
        }
    }
    fail(command) {
        seen.push({ key: command.key, attempts: 0, id: '' });
        throw new TypeError(`row handler failed: ${command.key}`);
    }
};
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.MANUAL),
    (0, microservices_1.EventPattern)('rows.manual'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, postgres_1.PostgresAckContext]),
    __metadata("design:returntype", Promise)
], RowController.prototype, "handle", null);
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 2, backoff: { type: 'fixed', initialDelayMs: 10, jitter: 0 } } }),
    (0, microservices_1.EventPattern)('rows.failing'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], RowController.prototype, "fail", null);
RowController = __decorate([
    (0, common_1.Controller)()
], RowController);
let RowModule = class RowModule {
};
RowModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [RowController] })
], RowModule);
async function rowOf(target, key) {
    const { rows } = await (0, postgres_broker_1.testPool)().query(`SELECT *, now() AS db_now FROM ${target.sql.messages} WHERE body::text LIKE '%' || $1 || '%'`, [Buffer.from(key).toString('hex')]);
    return rows[0];
}
async function waitForRow(target, key, check, message) {
    return (await (0, wait_for_1.waitFor)(async () => {
        const row = await rowOf(target, key);
        return row && check(row) ? row : undefined;
    }, { message }));
}
(0, node_test_1.describe)('PostgreSQL row states, read with plain SQL', () => {
    let target;
    const others = [];
    (0, node_test_1.after)(async () => {
        await target?.close();
        for (const other of others)
            await other.close();
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('ack, nack with delay, reject and max-deliveries leave the rows in the documented states', { timeout: 60_000 }, async () => {
        target = await (0, postgres_app_1.startPostgresApp)(RowModule, { leaseMs: 5000 });
        const emit = (pattern, command) => (0, rxjs_1.firstValueFrom)(target.client.emit(pattern, command), { defaultValue: undefined });
        await emit('rows.manual', { key: 'acked', steps: ['ack'] });
        const acked = await waitForRow(target, 'acked', (row) => row.state === 'COMPLETED', 'acked row COMPLETED');
        strict_1.default.equal(acked.attempts, 1);
        strict_1.default.equal(acked.lease_expires_at, null);
        // A long nack delay: the row must wait RETRYABLE with next_attempt_at about 60 s ahead.
        await emit('rows.manual', { key: 'delayed', steps: ['nack'], delayMs: 60_000 });
        const delayed = await waitForRow(target, 'delayed', (row) => row.state === 'RETRYABLE', 'nacked row RETRYABLE');
        strict_1.default.equal(delayed.attempts, 1);
        const ahead = delayed.next_attempt_at.getTime() - delayed.db_now.getTime();
        strict_1.default.ok(ahead > 55_000 && ahead <= 60_000, `next_attempt_at ${ahead} ms ahead, expected ~60000`);
        strict_1.default.ok(delayed.first_failure_at && delayed.last_failure_at, 'failure times recorded');
        // A short nack delay: redelivered, attempts counts the claims.
        await emit('rows.manual', { key: 'retried', steps: ['nack', 'ack'], delayMs: 100 });
        const retried = await waitForRow(target, 'retried', (row) => row.state === 'COMPLETED', 'retried row COMPLETED');
        strict_1.default.equal(retried.attempts, 2);
        strict_1.default.deepEqual(seen.filter((s) => s.key === 'retried').map((s) => s.attempts), [1, 2], 'the context shows the attempts column');
        await emit('rows.manual', { key: 'rejected', steps: ['reject'] });
        const rejected = await waitForRow(target, 'rejected', (row) => row.state === 'FAILED', 'rejected row FAILED');
        strict_1.default.equal(rejected.reason, 'row-test');
        strict_1.default.equal(rejected.attempts, 1);
        strict_1.default.ok(rejected.first_failure_at && rejected.last_failure_at);
        await emit('rows.failing', { key: 'spent', steps: [] });
        const spent = await waitForRow(target, 'spent', (row) => row.state === 'FAILED', 'spent row FAILED');
        strict_1.default.equal(spent.reason, 'max-deliveries');
        strict_1.default.equal(spent.attempts, 2);
        strict_1.default.equal(spent.error_name, 'TypeError');
        strict_1.default.match(spent.last_error ?? '', /row handler failed: spent/);
        strict_1.default.ok(spent.first_failure_at <= spent.last_failure_at, 'first failure before last failure');
        // Still waiting: the 60 s nack was not redelivered early.
        strict_1.default.equal((await rowOf(target, 'delayed')).state, 'RETRYABLE');
        strict_1.default.equal(seen.filter((s) => s.key === 'delayed').length, 1);
    });
    (0, node_test_1.it)('the lease of a running handler is extended: no second delivery while it runs past leaseMs', { timeout: 30_000 }, async () => {
        const app = await (0, postgres_app_1.startPostgresApp)(RowModule, { leaseMs: 300 });
        others.push(app);
        await (0, rxjs_1.firstValueFrom)(app.client.emit('rows.manual', { key: 'long', steps: ['hold'], delayMs: 1500 }), { defaultValue: undefined });
        const running = await waitForRow(app, 'long', (row) => row.state === 'PROCESSING', 'row PROCESSING');
        const firstLease = running.lease_expires_at.getTime();
        const renewed = await waitForRow(app, 'long', (row) => row.state === 'PROCESSING' && row.lease_expires_at.getTime() > firstLease, 'lease extended');
        strict_1.default.ok(renewed.lease_expires_at.getTime() - renewed.db_now.getTime() <= 300, 'renewed by leaseMs');
        const done = await waitForRow(app, 'long', (row) => row.state === 'COMPLETED', 'row COMPLETED');
        strict_1.default.equal(done.attempts, 1, 'never claimed a second time');
        strict_1.default.equal(seen.filter((s) => s.key === 'long').length, 1);
    });
    (0, node_test_1.it)('deleteOnAck deletes acked rows; deadLetter: false deletes rejected rows; retention deletes old settled rows', { timeout: 30_000 }, async () => {
        const deleting = await (0, postgres_app_1.startPostgresApp)(RowModule, { deleteOnAck: true, deadLetter: false });
        others.push(deleting);
        const emit = (app, key, steps) => (0, rxjs_1.firstValueFrom)(app.client.emit('rows.manual', { key, steps }), { defaultValue: undefined });
        await emit(deleting, 'deleted-ack', ['ack']);
        await emit(deleting, 'deleted-reject', ['reject']);
        await (0, wait_for_1.waitFor)(() => seen.some((s) => s.key === 'deleted-reject') && seen.some((s) => s.key === 'deleted-ack'));
        await (0, wait_for_1.waitFor)(async () => (await (0, postgres_broker_1.testPool)().query(`SELECT count(*)::int AS n FROM ${deleting.sql.messages}`)).rows[0].n === 0, { message: 'both rows deleted' });
        const retained = await (0, postgres_app_1.startPostgresApp)(RowModule, { retention: { completedMs: 0, failedMs: Infinity, intervalMs: 50 } });
        others.push(retained);
        await emit(retained, 'purged', ['ack']);
        await emit(retained, 'kept', ['reject']);
        await waitForRow(retained, 'kept', (row) => row.state === 'FAILED', 'rejected row FAILED');
        await (0, wait_for_1.waitFor)(async () => (await rowOf(retained, 'purged')) === undefined && seen.some((s) => s.key === 'purged'), { message: 'COMPLETED row purged' });
        strict_1.default.equal((await rowOf(retained, 'kept')).state, 'FAILED', 'failedMs: Infinity keeps dead letters');
    });
});
//# sourceMappingURL=row-states-postgres.test.js.map