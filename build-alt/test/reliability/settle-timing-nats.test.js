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
const promises_1 = require("node:timers/promises");
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const core_1 = require("../../lib/core");
const module_1 = require("../../lib/module");
const nats_app_1 = require("../support/nats-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const NAK = (0, names_1.uniqueName)('timing-nak');
const TERM = (0, names_1.uniqueName)('timing-term');
const SLOW = (0, names_1.uniqueName)('timing-slow');
const ACK_WAIT_MS = 1000;
const NAK_DELAY_MS = 500;
/** When each delivery reached the handler, and when the nak was sent. */
const seen = { nak: [], nakSentAt: 0, term: [], slow: [] };
let TimingController = class TimingController {
    async nak(context) {
        seen.nak.push(Date.now());
        if (context.getDeliveryCount() === 1) {
            seen.nakSentAt = Date.now();
            strict_1.default.equal(await context.nack({ delayMs: NAK_DELAY_MS }), true);
        }
        else {
            await context.ack();
        }
    }
    term() {
        seen.term.push(Date.now());
        throw new core_1.RejectMessage({ reason: 'never-again' });
    }
    async slow() {
        seen.slow.push(Date.now());
        await (0, promises_1.setTimeout)(3 * ACK_WAIT_MS);
    }
};
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.MANUAL),
    (0, microservices_1.EventPattern)(NAK),
    __param(0, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", Promise)
], TimingController.prototype, "nak", null);
__decorate([
    (0, microservices_1.EventPattern)(TERM),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], TimingController.prototype, "term", null);
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.ACK),
    (0, microservices_1.EventPattern)(SLOW),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], TimingController.prototype, "slow", null);
TimingController = __decorate([
    (0, common_1.Controller)()
], TimingController);
let TimingModule = class TimingModule {
};
TimingModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [TimingController] })
], TimingModule);
/** Consumer info of the pattern's consumer (one per subject on nats-server 2.9). */
function infoOf(target, subject) {
    const plan = target.server.consumerPlans.find((p) => p.subjects.includes(subject));
    strict_1.default.ok(plan, `a consumer for ${subject}`);
    return (0, nats_broker_1.consumerInfo)(target.admin, target.stream, plan.name);
}
(0, node_test_1.describe)('JetStream settle timing (nak delay, term, working)', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        await target?.close();
        target = undefined;
    });
    (0, node_test_1.it)(`nak with ${NAK_DELAY_MS} ms is redelivered no sooner than ${NAK_DELAY_MS} ms later`, { timeout: 30_000 }, async () => {
        target = await (0, nats_app_1.startNatsApp)(TimingModule, { ackWaitMs: 30_000, subjects: [NAK] }, 'timing');
        await (0, rxjs_1.firstValueFrom)(target.client.emit(NAK, { n: 1 }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => seen.nak.length === 1, { message: 'first delivery' });
        // While the delay runs the server holds the message as delivered, not acked, not yet redelivered.
        const during = await infoOf(target, NAK);
        strict_1.default.equal(during.num_ack_pending, 1);
        strict_1.default.equal(during.num_redelivered, 0);
        await (0, wait_for_1.waitFor)(() => seen.nak.length === 2, { message: 'the redelivery' });
        const gap = seen.nak[1] - seen.nakSentAt;
        strict_1.default.ok(gap >= NAK_DELAY_MS, `redelivered ${gap} ms after the nak; the delay was ${NAK_DELAY_MS} ms`);
        strict_1.default.ok(gap < NAK_DELAY_MS + 2000, `redelivered soon after the delay (${gap} ms), not after ack_wait`);
        await (0, wait_for_1.waitFor)(async () => {
            const info = await infoOf(target, NAK);
            return info.num_ack_pending === 0 && info.num_pending === 0 && info.num_redelivered === 0 && info.ack_floor.stream_seq === 1;
        }, { message: 'acked on the second delivery: nothing pending, ack floor at the message' });
        strict_1.default.equal(seen.nak.length, 2);
    });
    (0, node_test_1.it)('a rejected (termed) message is dead-lettered and never redelivered, also after ack_wait', { timeout: 30_000 }, async () => {
        target = await (0, nats_app_1.startNatsApp)(TimingModule, { ackWaitMs: ACK_WAIT_MS, subjects: [TERM] }, 'timing');
        await (0, rxjs_1.firstValueFrom)(target.client.emit(TERM, { n: 2 }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => seen.term.length === 1, { message: 'the delivery' });
        const [entry] = (await (0, wait_for_1.waitFor)(async () => {
            const entries = await (0, nats_broker_1.natsDeadLetters)(target.admin, target.deadLetterStream, target.deadLetterPrefix, TERM);
            return entries.length ? entries : undefined;
        }, { message: 'the dead letter' }));
        strict_1.default.equal(entry.reason, 'never-again');
        await (0, wait_for_1.waitFor)(async () => (await infoOf(target, TERM)).num_ack_pending === 0, { message: 'termed: no longer pending on the consumer' });
        // Three ack_wait periods: a message that was not terminated would be redelivered within the first.
        const until = Date.now() + 3 * ACK_WAIT_MS;
        while (Date.now() < until) {
            const info = await infoOf(target, TERM);
            strict_1.default.equal(info.num_ack_pending + info.num_pending + info.num_redelivered, 0, 'nothing pending nor redelivered');
            await (0, promises_1.setTimeout)(100);
        }
        strict_1.default.equal(seen.term.length, 1, 'delivered once');
    });
    (0, node_test_1.it)('a handler running 3x ack_wait keeps its delivery (working()) and is delivered once', { timeout: 30_000 }, async () => {
        target = await (0, nats_app_1.startNatsApp)(TimingModule, { ackWaitMs: ACK_WAIT_MS, subjects: [SLOW] }, 'timing');
        await (0, rxjs_1.firstValueFrom)(target.client.emit(SLOW, { n: 3 }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => seen.slow.length === 1, { message: 'the delivery' });
        const settled = new Promise((resolve) => target.server.on('settled', () => resolve()));
        await settled;
        const info = await infoOf(target, SLOW);
        strict_1.default.equal(info.num_redelivered, 0, 'the server never redelivered it');
        await (0, wait_for_1.waitForEqual)(async () => {
            const now = await infoOf(target, SLOW);
            return now.num_ack_pending + now.num_pending;
        }, 0, { message: 'acked' });
        // One more ack_wait after the ack: a redelivery that was on its way would show now.
        await (0, promises_1.setTimeout)(ACK_WAIT_MS + 200);
        strict_1.default.equal(seen.slow.length, 1, 'delivered once');
        strict_1.default.ok(Date.now() - seen.slow[0] >= 3 * ACK_WAIT_MS);
    });
});
//# sourceMappingURL=settle-timing-nats.test.js.map