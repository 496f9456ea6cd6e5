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
const constants_1 = require("@nestjs/microservices/constants");
const core_2 = require("../../../lib/core");
let OrdersController = class OrdersController {
    created() { }
    get() { }
    deleted() { }
};
__decorate([
    (0, core_2.AckPolicy)(core_2.AckPolicy.ACK, { retry: { maxDeliveries: 2 } }),
    (0, microservices_1.EventPattern)('orders.created', { team: 'billing' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "created", null);
__decorate([
    (0, microservices_1.MessagePattern)('orders.get'),
    (0, core_2.AckPolicy)(core_2.AckPolicy.DO_NOTHING),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "get", null);
__decorate([
    (0, microservices_1.EventPattern)('orders.deleted'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "deleted", null);
OrdersController = __decorate([
    (0, core_2.AckPolicy)(core_2.AckPolicy.NACK_ON_ERROR),
    (0, common_1.Controller)()
], OrdersController);
const extrasOf = (method) => Reflect.getMetadata(constants_1.PATTERN_EXTRAS_METADATA, method);
(0, node_test_1.describe)('@AckPolicy()', () => {
    (0, node_test_1.it)('puts method and controller policies into the handler extras the transport sees, keeping other extras', () => {
        strict_1.default.deepEqual(extrasOf(OrdersController.prototype.created), {
            team: 'billing',
            [core_2.ACK_EXTRAS_KEY]: { method: 'ACK', retry: { maxDeliveries: 2 }, controller: 'NACK_ON_ERROR' },
        });
        strict_1.default.deepEqual(extrasOf(OrdersController.prototype.deleted), { [core_2.ACK_EXTRAS_KEY]: { controller: 'NACK_ON_ERROR' } });
    });
    (0, node_test_1.it)('works above or below the pattern decorator, and maps DO_NOTHING to MANUAL', () => {
        strict_1.default.equal(extrasOf(OrdersController.prototype.get)[core_2.ACK_EXTRAS_KEY].method, 'MANUAL');
    });
    (0, node_test_1.it)('is readable by interceptors through the Reflector, method first', () => {
        const reflector = new core_1.Reflector();
        const read = (method) => reflector.getAllAndOverride(core_2.ACK_POLICY_METADATA, [method, OrdersController]);
        strict_1.default.equal(read(OrdersController.prototype.created), 'ACK');
        strict_1.default.equal(read(OrdersController.prototype.deleted), 'NACK_ON_ERROR');
    });
    (0, node_test_1.it)('refuses an unknown policy when the decorator is evaluated', () => {
        strict_1.default.throws(() => (0, core_2.AckPolicy)('SOMETIMES'), /invalid @AckPolicy\(\) value "SOMETIMES"/);
    });
});
//# sourceMappingURL=ack-policy-decorator.test.js.map