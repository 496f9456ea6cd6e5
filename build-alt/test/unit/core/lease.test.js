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
const core_2 = require("../../../lib/core");
const lease_keeper_1 = require("../../../lib/core/lease-keeper");
const module_1 = require("../../../lib/module");
const testing_1 = require("../../../lib/testing");
const LEASE_MS = 300;
let release = () => undefined;
let entered = 0;
let SlowController = class SlowController {
    async slow(_data, _context) {
        entered++;
        await new Promise((resolve) => (release = resolve));
    }
    forgotten() {
        entered++; // returns without settling: only the broker's lease brings it back
    }
};
__decorate([
    (0, microservices_1.EventPattern)('slow'),
    (0, core_2.AckPolicy)('ACK'),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, core_2.AckContext]),
    __metadata("design:returntype", Promise)
], SlowController.prototype, "slow", null);
__decorate([
    (0, microservices_1.EventPattern)('forgotten'),
    (0, core_2.AckPolicy)('MANUAL'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], SlowController.prototype, "forgotten", null);
SlowController = __decorate([
    (0, common_1.Controller)()
], SlowController);
let LeaseModule = class LeaseModule {
};
LeaseModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [SlowController] })
], LeaseModule);
/** Lets promise callbacks and Nest's I/O-free steps run (setImmediate is not faked). */
async function settle() {
    for (let i = 0; i < 20; i++)
        await new Promise((resolve) => setImmediate(resolve));
}
async function startApp(broker) {
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'q', leaseMs: LEASE_MS });
    const app = await core_1.NestFactory.createMicroservice(LeaseModule, { strategy: server, logger: false });
    await app.listen();
    return app;
}
(0, node_test_1.describe)('the lease hook (fake clock)', () => {
    (0, node_test_1.afterEach)(() => node_test_1.mock.timers.reset());
    (0, node_test_1.it)(`renews the lease every ${LEASE_MS / 3} ms while a handler runs 3x the lease: delivered once, then acked`, async () => {
        const broker = new testing_1.InMemoryBroker();
        const app = await startApp(broker);
        const renewals = [];
        const extend = broker.extendLease.bind(broker);
        let now = 0;
        broker.extendLease = (queue, id) => {
            renewals.push(now);
            extend(queue, id);
        };
        node_test_1.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
        entered = 0;
        new testing_1.InMemoryAckClient({ broker, queue: 'q' }).emitAndGetId('slow', {});
        await settle();
        strict_1.default.equal(entered, 1, 'the handler runs');
        for (now = 100; now <= 3 * LEASE_MS; now += 100) {
            node_test_1.mock.timers.tick(100);
            await settle();
        }
        strict_1.default.deepEqual(renewals, [100, 200, 300, 400, 500, 600, 700, 800, 900], 'renewed on schedule, every third of the lease');
        release();
        await settle();
        const history = broker.state('q').history.map((event) => event.type);
        strict_1.default.deepEqual(history, ['published', 'delivered', 'acked'], 'delivered once, never expired, acked');
        strict_1.default.equal(entered, 1);
        node_test_1.mock.timers.reset();
        await app.close();
    });
    (0, node_test_1.it)('the in-memory lease is real: a delivery nobody settles or renews comes back after it', async () => {
        const broker = new testing_1.InMemoryBroker();
        const app = await startApp(broker);
        node_test_1.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
        entered = 0;
        new testing_1.InMemoryAckClient({ broker, queue: 'q' }).emitAndGetId('forgotten', {});
        await settle();
        node_test_1.mock.timers.tick(LEASE_MS - 1);
        await settle();
        strict_1.default.equal(entered, 1, 'not before the lease ran out');
        node_test_1.mock.timers.tick(1);
        await settle();
        strict_1.default.equal(entered, 2, 'delivered again once the lease expired');
        strict_1.default.ok(broker.state('q').history.some((event) => event.type === 'lease-expired'));
        node_test_1.mock.timers.reset();
        await app.close();
    });
    (0, node_test_1.it)('stops renewing once the delivery is settled, so a renewal never undoes a nack', async () => {
        node_test_1.mock.timers.enable({ apis: ['setInterval'] });
        let settled = false;
        let renewals = 0;
        const stop = (0, lease_keeper_1.keepLease)(100, async () => void renewals++, () => undefined, () => settled);
        node_test_1.mock.timers.tick(100);
        await settle();
        node_test_1.mock.timers.tick(100);
        await settle();
        strict_1.default.equal(renewals, 2);
        settled = true;
        node_test_1.mock.timers.tick(100);
        await settle();
        node_test_1.mock.timers.tick(100);
        await settle();
        strict_1.default.equal(renewals, 2, 'no renewal after the settle command went out');
        stop();
    });
});
//# sourceMappingURL=lease.test.js.map