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
const rabbit_broker_1 = require("../support/rabbit-broker");
const rabbit_app_1 = require("../support/rabbit-app");
const wait_for_1 = require("../support/wait-for");
const stream = {
    processed: new Set(),
    handled: 0,
    /** Handlers of ids past FIRST_OPEN wait here, so deliveries are in flight when the connection drops. */
    gate: Promise.resolve(),
    open: () => { },
    waiting: 0,
};
const FIRST_OPEN = 50;
let StreamController = class StreamController {
    async handle(item) {
        if (item.id > FIRST_OPEN) {
            stream.waiting++;
            await stream.gate;
            stream.waiting--;
        }
        await (0, promises_1.setTimeout)(1);
        stream.processed.add(item.id);
        stream.handled++;
    }
};
__decorate([
    (0, microservices_1.EventPattern)('stream.item'),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], StreamController.prototype, "handle", null);
StreamController = __decorate([
    (0, common_1.Controller)()
], StreamController);
let StreamModule = class StreamModule {
};
StreamModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [StreamController] })
], StreamModule);
const held = [];
let HoldingController = class HoldingController {
    hold(context) {
        held.push(context); // settled by the test, later
    }
};
__decorate([
    (0, core_1.AckPolicy)(core_1.AckPolicy.MANUAL),
    (0, microservices_1.EventPattern)('held.item'),
    __param(0, (0, microservices_1.Ctx)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Function]),
    __metadata("design:returntype", void 0)
], HoldingController.prototype, "hold", null);
HoldingController = __decorate([
    (0, common_1.Controller)()
], HoldingController);
let HoldingModule = class HoldingModule {
};
HoldingModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [HoldingController] })
], HoldingModule);
const TOTAL = 400;
const CONCURRENCY = 5;
function resetStream() {
    stream.processed.clear();
    stream.handled = 0;
    stream.waiting = 0;
    stream.gate = new Promise((resolve) => (stream.open = resolve));
}
/** Publishes ids from..to one by one; each emit resolves once the broker confirmed it (retrying across reconnects). */
async function publishRange(target, from, to) {
    for (let id = from; id <= to; id++) {
        await (0, rxjs_1.firstValueFrom)(target.client.emit('stream.item', { id }), { defaultValue: undefined });
    }
}
/** First half published; FIRST_OPEN processed; a full concurrency window of handlers waiting at the gate. */
async function startStream(target) {
    await publishRange(target, 1, TOTAL / 2);
    await (0, wait_for_1.waitFor)(() => stream.handled >= FIRST_OPEN && stream.waiting === CONCURRENCY, { timeoutMs: 30_000, message: `${FIRST_OPEN} handled and ${CONCURRENCY} in flight` });
}
/** Everything processed (duplicates allowed), queue empty on the broker, nothing dead-lettered, server connected again after exactly one drop. */
async function assertNothingLost(target) {
    await (0, wait_for_1.waitFor)(() => stream.processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${stream.processed.size})` });
    await (0, wait_for_1.waitFor)(async () => {
        const depth = await (0, rabbit_broker_1.queueDepth)(target.queue);
        return depth?.ready === 0 && depth.unacked === 0;
    }, { timeoutMs: 30_000, message: 'queue depth 0 (ready and unacked)' });
    strict_1.default.equal((await (0, rabbit_broker_1.peekQueue)(`${target.queue}.dlq`)).length, 0, 'nothing dead-lettered');
    strict_1.default.ok(stream.handled >= TOTAL, 'at-least-once: duplicates allowed, never fewer');
    await (0, wait_for_1.waitFor)(() => target.events.at(-1) === 'connected', { timeoutMs: 30_000, message: 'connected again' });
    assertReconnectedOnce(target.events);
}
(0, node_test_1.describe)('RabbitMQ connection loss mid-stream', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        // Always leave the broker running for the next test, whatever happened.
        await (0, rabbit_broker_1.rabbitmqctl)('start_app').catch(() => undefined);
        await (0, rabbit_broker_1.rabbitmqctl)('await_startup').catch(() => undefined);
        await target?.close();
        target = undefined;
    });
    (0, node_test_1.it)('broker application restarted (stop_app / start_app): every message processed, none lost', { timeout: 180_000 }, async () => {
        resetStream();
        target = await (0, rabbit_app_1.startRabbitApp)(StreamModule, { concurrency: CONCURRENCY }, 'restart');
        await startStream(target);
        let secondHalf;
        try {
            await (0, rabbit_broker_1.rabbitmqctl)('stop_app');
            await (0, wait_for_1.waitFor)(() => target.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
            secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL); // waits for the broker, retrying
        }
        finally {
            await (0, rabbit_broker_1.rabbitmqctl)('start_app');
        }
        stream.open(); // the in-flight handlers finish; their acks cannot reach the dead channel
        await secondHalf;
        await assertNothingLost(target);
    });
    (0, node_test_1.it)('connections closed by the broker (close_all_connections): reconnects and resumes', { timeout: 120_000 }, async () => {
        resetStream();
        target = await (0, rabbit_app_1.startRabbitApp)(StreamModule, { concurrency: CONCURRENCY }, 'closeall');
        await startStream(target);
        await (0, rabbit_broker_1.rabbitmqctl)('close_all_connections', 'nestjs-ack reliability test');
        await (0, wait_for_1.waitFor)(() => target.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
        const secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL);
        stream.open();
        await secondHalf;
        await assertNothingLost(target);
        strict_1.default.equal(target.server.unwrap() !== undefined, true, 'connected again');
    });
    (0, node_test_1.it)('a late settle of a delivery from the dead channel never reaches the new one (no 406)', { timeout: 60_000 }, async () => {
        held.length = 0;
        target = await (0, rabbit_app_1.startRabbitApp)(HoldingModule, {}, 'stale');
        const errors = [];
        target.server.on('error', (error) => errors.push(error.message));
        await (0, rxjs_1.firstValueFrom)(target.client.emit('held.item', {}), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => held.length === 1, { message: 'the first delivery held' });
        await (0, rabbit_broker_1.rabbitmqctl)('close_all_connections', 'nestjs-ack stale delivery test');
        await (0, wait_for_1.waitFor)(() => held.length === 2, { timeoutMs: 30_000, message: 'the redelivery on the new channel' });
        strict_1.default.equal(held[1].getDeliveryCount(), 2);
        strict_1.default.equal(await held[0].ack(), false, "its channel is gone: refused and reported, never sent on the new channel");
        strict_1.default.ok(errors.some((message) => /channel closed/.test(message)), `the stale ack is reported (errors: ${errors.join(' | ')})`);
        strict_1.default.equal(await held[1].ack(), true);
        await (0, wait_for_1.waitFor)(async () => {
            const depth = await (0, rabbit_broker_1.queueDepth)(target.queue);
            return depth?.ready === 0 && depth.unacked === 0;
        }, { message: 'acked on the new channel' });
        assertReconnectedOnce(target.events);
    });
});
/**
 * One drop, one recovery: a late settle of an old delivery on the new channel
 * (RabbitMQ 406) would have closed it and shown as a second disconnect.
 */
function assertReconnectedOnce(events) {
    strict_1.default.equal(events.filter((e) => e === 'disconnected').length, 1, `one disconnect (events: ${events.join(', ')})`);
    strict_1.default.ok(events.includes('reconnecting'), 'reconnecting reported');
    strict_1.default.equal(events.at(-1), 'connected', 'connected again at the end');
}
//# sourceMappingURL=broker-restart-rabbitmq.test.js.map