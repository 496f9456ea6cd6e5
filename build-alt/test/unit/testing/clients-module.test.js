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
const testing_1 = require("../../../lib/testing");
const ORDERS = Symbol('ORDERS');
const ORDERS_CONFIG = 'ORDERS_CONFIG';
let OrdersPublisher = class OrdersPublisher {
    client;
    constructor(client) {
        this.client = client;
    }
};
OrdersPublisher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(ORDERS)),
    __metadata("design:paramtypes", [microservices_1.ClientProxy])
], OrdersPublisher);
/** Emits through a ClientProxy Nest injected, and returns what the queue received. */
async function emitThrough(clients, broker, queue, extraImports = []) {
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({ imports: [clients, ...extraImports], providers: [OrdersPublisher] })
    ], AppModule);
    const app = await core_1.NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
        const { client } = app.get(OrdersPublisher);
        strict_1.default.ok(client instanceof testing_1.InMemoryAckClient, 'Nest built the custom class');
        await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { id: 'o-1' }));
    }
    finally {
        await app.close();
    }
    const received = [];
    broker.consume(queue, (message) => received.push(message));
    return received;
}
(0, node_test_1.describe)('InMemoryAckClient through ClientsModule', () => {
    (0, node_test_1.it)('register([{ name, customClass, options }]) injects a working ClientProxy', async () => {
        const broker = new testing_1.InMemoryBroker();
        const options = { broker, queue: 'orders' };
        const received = await emitThrough(microservices_1.ClientsModule.register([{ name: ORDERS, customClass: testing_1.InMemoryAckClient, options }]), broker, 'orders');
        strict_1.default.equal(received.length, 1);
        strict_1.default.deepEqual(JSON.parse(received[0].body.toString('utf8')), { pattern: 'order.created', data: { id: 'o-1' } });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]) takes its options from a provider', async () => {
        const broker = new testing_1.InMemoryBroker();
        const config = { module: class ConfigModule {
            }, providers: [{ provide: ORDERS_CONFIG, useValue: { broker, queue: 'orders-async' } }], exports: [ORDERS_CONFIG] };
        const clients = microservices_1.ClientsModule.registerAsync([
            { name: ORDERS, imports: [config], inject: [ORDERS_CONFIG], useFactory: (options) => ({ customClass: testing_1.InMemoryAckClient, options }) },
        ]);
        const received = await emitThrough(clients, broker, 'orders-async');
        strict_1.default.equal(received.length, 1);
        strict_1.default.deepEqual(JSON.parse(received[0].body.toString('utf8')).data, { id: 'o-1' });
    });
});
//# sourceMappingURL=clients-module.test.js.map