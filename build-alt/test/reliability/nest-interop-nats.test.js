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
const transport_node_1 = require("@nats-io/transport-node");
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const nats_app_1 = require("../support/nats-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const CREATED = (0, names_1.uniqueName)('orders-created');
const TOTAL = (0, names_1.uniqueName)('orders-total');
const events = [];
const totals = [];
let MigratedController = class MigratedController {
    created(data, context) {
        events.push({ data, headers: context.getHeaders(), deliveryCount: context.getDeliveryCount(), subject: context.getSubject() });
    }
    total(lines) {
        totals.push(lines);
        return lines.reduce((sum, n) => sum + n, 0);
    }
};
__decorate([
    (0, microservices_1.EventPattern)(CREATED),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", void 0)
], MigratedController.prototype, "created", null);
__decorate([
    (0, microservices_1.MessagePattern)(TOTAL),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Array]),
    __metadata("design:returntype", void 0)
], MigratedController.prototype, "total", null);
MigratedController = __decorate([
    (0, common_1.Controller)()
], MigratedController);
let MigratedModule = class MigratedModule {
};
MigratedModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [MigratedController] })
], MigratedModule);
/**
 * Producers keep Nest's own ClientNats (core NATS publishes); only the
 * consumer moves to NatsAckServer, whose stream captures the subjects.
 */
(0, node_test_1.describe)("Nest's own ClientNats talking to NatsAckServer", () => {
    let target;
    let client;
    (0, node_test_1.before)(async () => {
        // No `subjects` option: the server consumes the handlers' patterns and the stream captures them.
        target = await (0, nats_app_1.startNatsApp)(MigratedModule, {}, 'clientnats');
        client = new microservices_1.ClientNats({ servers: [nats_broker_1.NATS_URL] });
        await client.connect();
    });
    (0, node_test_1.after)(async () => {
        await client?.close();
        await target?.close();
    });
    const infoOf = (subject) => (0, nats_broker_1.consumerInfo)(target.admin, target.stream, target.server.consumerPlans.find((p) => p.subjects.includes(subject)).name);
    (0, node_test_1.it)('emit() onto a captured subject: stored, handled once with its headers, acked', { timeout: 30_000 }, async () => {
        const headers = (0, transport_node_1.headers)();
        headers.set('tenant', 'acme');
        const record = new microservices_1.NatsRecordBuilder({ orderId: 7 }).setHeaders(headers).build();
        await (0, rxjs_1.lastValueFrom)(client.emit(CREATED, record), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => events.length === 1, { message: 'the event handled' });
        strict_1.default.deepEqual(events[0].data, { orderId: 7 });
        strict_1.default.equal(events[0].headers.tenant, 'acme');
        strict_1.default.equal(events[0].deliveryCount, 1);
        strict_1.default.equal(events[0].subject, CREATED);
        await (0, wait_for_1.waitFor)(async () => (0, nats_broker_1.outstandingOf)(await infoOf(CREATED)) === 0, { message: 'acked on the consumer' });
        const info = await infoOf(CREATED);
        strict_1.default.equal(info.delivered.stream_seq, info.ack_floor.stream_seq, 'the ack floor reached the message');
    });
    (0, node_test_1.it)("send(): JetStream answers Nest's reply subject with its PubAck; the handler runs once, no reply reaches Nest", { timeout: 30_000 }, async () => {
        const answer = (await (0, rxjs_1.firstValueFrom)(client.send(TOTAL, [1, 2, 3])));
        // What Nest's send() resolves with is the stream's publish acknowledgement, not the handler's result.
        strict_1.default.equal(answer.stream, target.stream);
        strict_1.default.equal(typeof answer.seq, 'number');
        await (0, wait_for_1.waitFor)(() => totals.length === 1, { message: 'the request handled (as an event: no reply address)' });
        strict_1.default.deepEqual(totals[0], [1, 2, 3]);
        await (0, wait_for_1.waitFor)(async () => (0, nats_broker_1.outstandingOf)(await infoOf(TOTAL)) === 0, { message: 'acked on the consumer' });
    });
    (0, node_test_1.it)('our NatsAckClient.send() onto the same handler gets the real reply', { timeout: 30_000 }, async () => {
        strict_1.default.equal(await (0, rxjs_1.firstValueFrom)(target.client.send(TOTAL, [4, 5])), 9);
    });
});
//# sourceMappingURL=nest-interop-nats.test.js.map