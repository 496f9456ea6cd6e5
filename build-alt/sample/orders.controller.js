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
exports.OrdersController = exports.FlakyGateway = exports.FraudCheck = void 0;
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const lib_1 = require("../lib");
const patterns_1 = require("./patterns");
/** Business rules live in services; they throw control exceptions from any depth. */
let FraudCheck = class FraudCheck {
    assertAllowed(order) {
        if (order.country === 'XX')
            throw new lib_1.RejectMessage({ reason: 'fraud-suspected' });
    }
};
exports.FraudCheck = FraudCheck;
exports.FraudCheck = FraudCheck = __decorate([
    (0, common_1.Injectable)()
], FraudCheck);
/** A payment gateway that times out twice per order before it answers (to show retries), and always declines `declined-*` orders. */
let FlakyGateway = class FlakyGateway {
    attempts = new Map();
    async capture(orderId) {
        const attempt = (this.attempts.get(orderId) ?? 0) + 1;
        this.attempts.set(orderId, attempt);
        if (orderId.startsWith('declined'))
            throw new Error(`card declined for ${orderId}`);
        if (attempt <= 2)
            throw new Error(`gateway timeout (attempt ${attempt})`);
        return `captured ${orderId}`;
    }
};
exports.FlakyGateway = FlakyGateway;
exports.FlakyGateway = FlakyGateway = __decorate([
    (0, common_1.Injectable)()
], FlakyGateway);
let OrdersController = class OrdersController {
    fraud;
    gateway;
    constructor(fraud, gateway) {
        this.fraud = fraud;
        this.gateway = gateway;
    }
    /** Library default REJECT_ON_ERROR: acked on success, dead-lettered on error. */
    created(order) {
        if (!Array.isArray(order.items))
            throw new Error('order has no items');
        this.fraud.assertAllowed(order);
    }
    /** Transient failures are retried with backoff, then dead-lettered. */
    async capture(payload) {
        await this.gateway.capture(payload.orderId);
    }
    /** ACK: best effort; a failure is logged and the message acked anyway. */
    audit(entry) {
        if (!entry.actor)
            throw new Error(`audit entry "${entry.action}" has no actor`);
    }
    /** ACK_FIRST: acked before the handler runs (at most once); a failure cannot bring it back. */
    notify(notice) {
        if (!notice.email.includes('@'))
            throw new Error('not an e-mail address');
    }
    /** Requests reply, then ack. */
    total(order) {
        return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    }
    /** MANUAL: the handler decides, here after its own async work finished. */
    shipped(payload, context) {
        setTimeout(() => void (payload.tracking ? context.ack() : context.reject({ reason: 'no-tracking' })), 50);
    }
};
exports.OrdersController = OrdersController;
__decorate([
    (0, microservices_1.EventPattern)(patterns_1.Patterns.created),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "created", null);
__decorate([
    (0, lib_1.AckPolicy)(lib_1.AckPolicy.NACK_ON_ERROR, { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 100, jitter: 0 } } }),
    (0, microservices_1.EventPattern)(patterns_1.Patterns.capture),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], OrdersController.prototype, "capture", null);
__decorate([
    (0, lib_1.AckPolicy)(lib_1.AckPolicy.ACK),
    (0, microservices_1.EventPattern)(patterns_1.Patterns.audit),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "audit", null);
__decorate([
    (0, lib_1.AckPolicy)(lib_1.AckPolicy.ACK_FIRST),
    (0, microservices_1.EventPattern)(patterns_1.Patterns.notify),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "notify", null);
__decorate([
    (0, microservices_1.MessagePattern)(patterns_1.Patterns.total),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Number)
], OrdersController.prototype, "total", null);
__decorate([
    (0, lib_1.AckPolicy)(lib_1.AckPolicy.MANUAL),
    (0, microservices_1.EventPattern)(patterns_1.Patterns.shipped),
    __param(0, (0, microservices_1.Payload)()),
    __param(1, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, lib_1.AckContext]),
    __metadata("design:returntype", void 0)
], OrdersController.prototype, "shipped", null);
exports.OrdersController = OrdersController = __decorate([
    (0, common_1.Controller)(),
    __metadata("design:paramtypes", [FraudCheck,
        FlakyGateway])
], OrdersController);
//# sourceMappingURL=orders.controller.js.map