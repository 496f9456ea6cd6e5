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
require("./block-otel");
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const lib_1 = require("../../lib");
require("../../lib/kafka");
require("../../lib/nats");
require("../../lib/postgres");
require("../../lib/rabbitmq");
require("../../lib/redis");
const testing_1 = require("../../lib/testing");
// Without @opentelemetry/api (block-otel): the core and every transport load, a delivery is settled, and only nestjs-ack/otel fails to load.
const headers = [];
let OrdersController = class OrdersController {
    created(ctx) {
        headers.push(ctx.getHeaders());
    }
};
__decorate([
    (0, microservices_1.EventPattern)('order.created'),
    __param(0, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [lib_1.AckContext]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "created", null);
OrdersController = __decorate([
    (0, common_1.Controller)()
], OrdersController);
let AppModule = class AppModule {
};
AppModule = __decorate([
    (0, common_1.Module)({ imports: [lib_1.AckModule.forRoot()], controllers: [OrdersController] })
], AppModule);
async function main() {
    const broker = new testing_1.InMemoryBroker();
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'orders' });
    const app = await core_1.NestFactory.createMicroservice(AppModule, { strategy: server, logger: false });
    await app.listen();
    const settled = new Promise((done) => server.on('settled', done));
    const client = new testing_1.InMemoryAckClient({ broker, queue: 'orders' });
    await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { id: 'o-1' }), { defaultValue: undefined });
    const { settlement } = await settled;
    client.close();
    await app.close();
    let otel = 'loaded';
    try {
        require('../../lib/otel');
    }
    catch (error) {
        otel = error.message;
    }
    console.log(JSON.stringify({ settlement: settlement.kind, headers, otel }));
}
main().catch((error) => {
    console.error(error);
    process.exit(1);
});
//# sourceMappingURL=without-otel-child.js.map