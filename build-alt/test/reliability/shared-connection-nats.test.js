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
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const nats_1 = require("../../lib/nats");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const wait_for_1 = require("../support/wait-for");
const SUBJECT = (0, names_1.uniqueName)('shared');
const received = [];
let SharedController = class SharedController {
    handle(item) {
        received.push(item.n);
    }
};
__decorate([
    (0, microservices_1.EventPattern)(SUBJECT),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], SharedController.prototype, "handle", null);
SharedController = __decorate([
    (0, common_1.Controller)()
], SharedController);
let SharedModule = class SharedModule {
};
SharedModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [SharedController] })
], SharedModule);
(0, node_test_1.describe)('NatsAckServer and NatsAckClient on an existing connection', () => {
    let admin;
    const stream = (0, nats_broker_1.uniqueStream)('shared');
    (0, node_test_1.before)(async () => (admin = await (0, nats_broker_1.natsAdmin)()));
    (0, node_test_1.after)(async () => {
        await (0, nats_broker_1.deleteStreams)(admin, stream, `${stream}_DLQ`);
        await admin.nc.close();
    });
    (0, node_test_1.it)('consume and publish on it, and leave it open at close', { timeout: 30_000 }, async () => {
        const server = new nats_1.NatsAckServer({ connection: admin.nc, stream, ensureStream: true });
        const client = new nats_1.NatsAckClient({ connection: admin.nc });
        const app = await core_1.NestFactory.createMicroservice(SharedModule, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
        await app.listen();
        try {
            strict_1.default.equal(server.unwrap(), admin.nc);
            await (0, rxjs_1.firstValueFrom)(client.emit(SUBJECT, { n: 1 }), { defaultValue: undefined });
            await (0, wait_for_1.waitFor)(() => received.length === 1, { message: 'handled' });
            await (0, wait_for_1.waitFor)(async () => (0, nats_broker_1.outstandingOf)(await (0, nats_broker_1.consumerInfo)(admin, stream, 'nestjs-ack')) === 0, { message: 'acked' });
        }
        finally {
            await app.close();
            await client.close();
        }
        strict_1.default.equal(admin.nc.isClosed(), false, 'the connection stays open for its owner');
        await admin.nc.flush();
    });
});
//# sourceMappingURL=shared-connection-nats.test.js.map