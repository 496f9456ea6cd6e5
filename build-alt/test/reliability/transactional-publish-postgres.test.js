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
const postgres_broker_1 = require("../support/postgres-broker");
const postgres_app_1 = require("../support/postgres-app");
const wait_for_1 = require("../support/wait-for");
const handled = [];
let OutboxController = class OutboxController {
    handle(order) {
        handled.push(order.ref);
    }
};
__decorate([
    (0, microservices_1.EventPattern)('outbox.order'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], OutboxController.prototype, "handle", null);
OutboxController = __decorate([
    (0, common_1.Controller)()
], OutboxController);
let OutboxModule = class OutboxModule {
};
OutboxModule = __decorate([
    (0, common_1.Module)({ controllers: [OutboxController] })
], OutboxModule);
(0, node_test_1.describe)('PostgreSQL publish inside the caller\'s transaction', () => {
    let target;
    (0, node_test_1.after)(async () => {
        await target?.close();
        await (0, postgres_broker_1.endTestPool)();
    });
    (0, node_test_1.it)('a rolled-back publish is never delivered, a committed one is, with the caller\'s own write', { timeout: 30_000 }, async () => {
        target = await (0, postgres_app_1.startPostgresApp)(OutboxModule, { pollIntervalMs: 50 });
        const orders = `${target.table}_orders`;
        const db = (0, postgres_broker_1.testPool)();
        await db.query(`CREATE TABLE "${orders}" (ref text PRIMARY KEY)`);
        try {
            const inTransaction = async (ref, outcome) => {
                const tx = await db.connect();
                try {
                    await tx.query('BEGIN');
                    await tx.query(`INSERT INTO "${orders}" (ref) VALUES ($1)`, [ref]);
                    const id = await target.client.emitIn(tx, 'outbox.order', { ref });
                    // Not visible outside the transaction yet: no consumer can claim it.
                    const outside = await db.query(`SELECT count(*)::int AS n FROM ${target.sql.messages} WHERE id = $1`, [id]);
                    strict_1.default.equal(outside.rows[0].n, 0, 'the row is invisible before commit');
                    await tx.query(outcome);
                    return id;
                }
                finally {
                    tx.release();
                }
            };
            const rolledBack = await inTransaction('rolled-back', 'ROLLBACK');
            // Held open while the consumer polls every 50 ms: nothing may be delivered meanwhile.
            const held = await db.connect();
            try {
                await held.query('BEGIN');
                await target.client.emitIn(held, 'outbox.order', { ref: 'still-open' });
                const committed = await inTransaction('committed', 'COMMIT');
                await (0, wait_for_1.waitFor)(() => handled.includes('committed'), { message: 'the committed publish delivered' });
                // The ack follows the handler's return: poll until the row is settled.
                const stateOf = async (id) => (await db.query(`SELECT state FROM ${target.sql.messages} WHERE id = $1`, [id])).rows[0]?.state;
                await (0, wait_for_1.waitForEqual)(() => stateOf(committed), 'COMPLETED', { message: 'the committed row\'s state' });
                const { rows } = await db.query(`SELECT id::text FROM ${target.sql.messages} ORDER BY id`);
                strict_1.default.deepEqual(rows.map((r) => r.id).includes(rolledBack), false, 'the rolled-back row does not exist');
                strict_1.default.ok(!handled.includes('still-open'), 'an open transaction\'s publish is not delivered');
                await held.query('ROLLBACK');
            }
            finally {
                held.release();
            }
            // A further publish is handled after the rollbacks: had they been delivered, they would precede it.
            await target.client.emitIn(db, 'outbox.order', { ref: 'after' });
            await (0, wait_for_1.waitFor)(() => handled.includes('after'), { message: 'a later publish delivered' });
            strict_1.default.deepEqual(handled, ['committed', 'after']);
            const { rows } = await db.query(`SELECT ref FROM "${orders}" ORDER BY ref`);
            strict_1.default.deepEqual(rows.map((r) => r.ref), ['committed'], 'the caller\'s own writes follow the same transactions');
        }
        finally {
            await db.query(`DROP TABLE IF EXISTS "${orders}"`);
        }
    });
});
//# sourceMappingURL=transactional-publish-postgres.test.js.map