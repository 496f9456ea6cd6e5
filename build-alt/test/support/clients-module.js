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
exports.ORDERS = void 0;
exports.ordersConfig = ordersConfig;
exports.emitThroughClientsModule = emitThroughClientsModule;
const strict_1 = __importDefault(require("node:assert/strict"));
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
/** The client's injection token in the ClientsModule tests. */
exports.ORDERS = Symbol('ORDERS');
let OrdersPublisher = class OrdersPublisher {
    client;
    constructor(client) {
        this.client = client;
    }
};
OrdersPublisher = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(exports.ORDERS)),
    __metadata("design:paramtypes", [Function])
], OrdersPublisher);
/** A module exporting `value` as `ORDERS_CONFIG`, for `registerAsync({ imports, inject: ['ORDERS_CONFIG'] })`. */
function ordersConfig(value) {
    return { module: class ConfigModule {
        }, providers: [{ provide: 'ORDERS_CONFIG', useValue: value }], exports: ['ORDERS_CONFIG'] };
}
/**
 * Emits through the ClientProxy Nest injected from `clients` (registered as
 * `ORDERS`), then closes the app; asserts Nest built `clientClass` and that
 * the app's close closed the client (`unwrap()` gives nothing after close).
 */
async function emitThroughClientsModule(clients, clientClass, pattern, data) {
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({ imports: [clients], providers: [OrdersPublisher] })
    ], AppModule);
    const app = await core_1.NestFactory.createApplicationContext(AppModule, { logger: false });
    let client;
    try {
        client = app.get(OrdersPublisher).client;
        strict_1.default.ok(client instanceof clientClass, 'Nest built the custom class');
        await (0, rxjs_1.lastValueFrom)(client.emit(pattern, data)); // each client completes once the broker stored the message
    }
    finally {
        await app.close();
    }
    strict_1.default.equal(client.unwrap(), undefined, 'closing the app closed the client');
}
//# sourceMappingURL=clients-module.js.map