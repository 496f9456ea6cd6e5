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
const node_child_process_1 = require("node:child_process");
const promises_1 = require("node:timers/promises");
const node_util_1 = require("node:util");
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const broker_urls_1 = require("../support/broker-urls");
const nats_app_1 = require("../support/nats-app");
const nats_broker_1 = require("../support/nats-broker");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
const SUBJECT = (0, names_1.uniqueName)('restart');
const stream = {
    processed: new Set(),
    handled: 0,
    /** Handlers of ids past FIRST_OPEN wait here, so deliveries are in flight when the server dies. */
    gate: Promise.resolve(),
    open: () => { },
    waiting: 0,
};
const FIRST_OPEN = 50;
const TOTAL = 400;
const CONCURRENCY = 5;
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
    (0, microservices_1.EventPattern)(SUBJECT),
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
/** The pid of the nats-server listening on the tested port (other, private ones may run beside it). */
async function natsServerPid() {
    const port = new URL(broker_urls_1.brokerUrls.nats).port || '4222';
    const { stdout } = await run('ss', ['-ltnpH', `sport = :${port}`]);
    const pids = [...new Set([...stdout.matchAll(/"nats-server",pid=(\d+)/g)].map((match) => Number(match[1])))];
    strict_1.default.equal(pids.length, 1, `exactly one nats-server listens on port ${port} (found ${pids.join(', ') || 'none'})`);
    return pids[0];
}
/** Starts nats-server again with the project's services script (it starts what does not answer). */
async function startNatsServer() {
    await run('bash', ['scripts/services.sh', 'nats'], { timeout: 60_000 });
}
async function publishRange(target, from, to) {
    for (let id = from; id <= to; id++)
        await (0, rxjs_1.firstValueFrom)(target.client.emit(SUBJECT, { id }), { defaultValue: undefined });
}
(0, node_test_1.describe)('nats-server restarted mid-stream', () => {
    let target;
    (0, node_test_1.afterEach)(async () => {
        // Always leave the server running for the next test, whatever happened.
        await startNatsServer().catch(() => undefined);
        await target?.close();
        target = undefined;
    });
    (0, node_test_1.it)('killed and restarted (services script): everything published before and after is processed, nothing lost', { timeout: 180_000 }, async () => {
        stream.gate = new Promise((resolve) => (stream.open = resolve));
        target = await (0, nats_app_1.startNatsApp)(StreamModule, { concurrency: CONCURRENCY, ackWaitMs: 5000 }, 'restart');
        await publishRange(target, 1, TOTAL / 2);
        await (0, wait_for_1.waitFor)(() => stream.handled >= FIRST_OPEN && stream.waiting === CONCURRENCY, { timeoutMs: 30_000, message: `${FIRST_OPEN} handled and ${CONCURRENCY} in flight` });
        const pid = await natsServerPid();
        let secondHalf;
        try {
            process.kill(pid, 'SIGKILL');
            await (0, wait_for_1.waitFor)(() => target.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
            await (0, wait_for_1.waitFor)(() => target.events.includes('reconnecting'), { timeoutMs: 30_000, message: 'the server reports reconnecting' });
            secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL); // waits for the server, retrying
            stream.open(); // the in-flight handlers finish while the server is down
        }
        finally {
            await startNatsServer();
        }
        await secondHalf;
        await (0, wait_for_1.waitFor)(() => stream.processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${stream.processed.size})` });
        strict_1.default.ok(stream.handled >= TOTAL, 'at-least-once: duplicates allowed, never fewer');
        await (0, wait_for_1.waitFor)(async () => {
            const plan = target.server.consumerPlans[0];
            return (0, nats_broker_1.outstandingOf)(await (0, nats_broker_1.consumerInfo)(target.admin, target.stream, plan.name)) === 0;
        }, { timeoutMs: 30_000, message: 'nothing pending nor unacked on the consumer' });
        const info = await target.admin.jsm.streams.info(target.stream);
        strict_1.default.equal(info.state.messages, TOTAL, 'the stream stored every message once (retried publishes deduplicated)');
        strict_1.default.deepEqual(await (0, nats_broker_1.natsDeadLetters)(target.admin, target.deadLetterStream, target.deadLetterPrefix, SUBJECT), [], 'nothing dead-lettered');
        await (0, wait_for_1.waitFor)(() => target.events.at(-1) === 'connected', { timeoutMs: 30_000, message: 'connected again' });
        const order = target.events.filter((event, i, all) => event !== all[i - 1]);
        strict_1.default.deepEqual(order.slice(-3), ['disconnected', 'reconnecting', 'connected'], `status events in order: ${target.events.join(', ')}`);
    });
    (0, node_test_1.it)('close() while nats-server is down finishes (it does not wait for the server to come back)', { timeout: 60_000 }, async () => {
        stream.gate = Promise.resolve();
        target = await (0, nats_app_1.startNatsApp)(StreamModule, { shutdownTimeoutMs: 500 }, 'downclose');
        await publishRange(target, 1, 5);
        await (0, wait_for_1.waitFor)(() => stream.handled >= 5, { message: 'five handled' });
        const pid = await natsServerPid();
        try {
            process.kill(pid, 'SIGKILL');
            await (0, wait_for_1.waitFor)(() => target.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
            const started = Date.now();
            await target.app.close();
            const took = Date.now() - started;
            strict_1.default.ok(took < 10_000, `close() took ${took} ms while the server was down`);
        }
        finally {
            await startNatsServer();
        }
    });
});
//# sourceMappingURL=broker-restart-nats.test.js.map