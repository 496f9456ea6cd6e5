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
const postgres_broker_1 = require("../support/postgres-broker");
const postgres_app_1 = require("../support/postgres-app");
const wait_for_1 = require("../support/wait-for");
const handled = [];
let LossController = class LossController {
    handle(item) {
        handled.push(item.n);
    }
};
__decorate([
    (0, microservices_1.EventPattern)('loss.item'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], LossController.prototype, "handle", null);
LossController = __decorate([
    (0, common_1.Controller)()
], LossController);
let LossModule = class LossModule {
};
LossModule = __decorate([
    (0, common_1.Module)({ controllers: [LossController] })
], LossModule);
/** Terminates the server's connections (the LISTEN one, or all of them) from outside, as a failover or an admin would. */
async function terminate(target, which) {
    const condition = which === 'listen' ? `query = 'LISTEN "' || $1 || '"'` : `application_name = $1`;
    const { rows } = await (0, postgres_broker_1.testPool)().query(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND ${condition}`, [which === 'listen' ? target.sql.channel : APP_NAME]);
    return rows.length;
}
const APP_NAME = 'nestjs-ack-loss-test';
(0, node_test_1.describe)('PostgreSQL connections lost', () => {
    let target;
    (0, node_test_1.after)(async () => {
        await target?.close();
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('the LISTEN connection comes back; a database-wide disconnect is survived; nothing is lost', { timeout: 60_000 }, async () => {
        target = await (0, postgres_app_1.startPostgresApp)(LossModule, {
            connection: { connectionString: postgres_broker_1.POSTGRES_URL, application_name: APP_NAME },
            pollIntervalMs: 100,
            reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
        });
        const events = [];
        for (const name of ['connected', 'disconnected', 'reconnecting'])
            target.server.on(name, () => events.push(name));
        const emit = (n) => (0, rxjs_1.firstValueFrom)(target.client.emit('loss.item', { n }), { defaultValue: undefined });
        await emit(1);
        await (0, wait_for_1.waitFor)(() => handled.includes(1));
        strict_1.default.equal(await terminate(target, 'listen'), 1, 'one LISTEN connection terminated');
        await (0, wait_for_1.waitFor)(() => events.includes('connected'), { message: 'LISTEN reconnected' });
        strict_1.default.deepEqual(events.slice(0, 2), ['disconnected', 'reconnecting']);
        await emit(2);
        await (0, wait_for_1.waitFor)(() => handled.includes(2), { message: 'delivered after the LISTEN reconnect' });
        events.length = 0;
        strict_1.default.ok((await terminate(target, 'all')) >= 1);
        await emit(3);
        await emit(4);
        await (0, wait_for_1.waitFor)(() => handled.includes(3) && handled.includes(4), { message: 'delivered after every connection was cut' });
        await (0, wait_for_1.waitFor)(() => events.includes('connected'), { message: 'LISTEN reconnected again' });
        await (0, wait_for_1.waitFor)(async () => JSON.stringify(await (0, postgres_broker_1.statesOf)(target.table)) === JSON.stringify({ COMPLETED: 4 }), { message: 'all 4 rows COMPLETED' });
        strict_1.default.deepEqual([...new Set(handled)].sort(), [1, 2, 3, 4]);
    });
});
//# sourceMappingURL=connection-loss-postgres.test.js.map