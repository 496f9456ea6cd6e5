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
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const module_1 = require("../../lib/module");
const redis_1 = require("../../lib/redis");
const names_1 = require("../support/names");
const redis_broker_1 = require("../support/redis-broker");
const wait_for_1 = require("../support/wait-for");
const STREAM = (0, names_1.uniqueName)('redis-restart');
const processed = new Set();
/** Handlers of `held` items wait here: they are running while Redis restarts. */
let release = () => undefined;
const gate = new Promise((resolve) => (release = resolve));
let heldRunning = 0;
let RestartController = class RestartController {
    async handle(item) {
        if (item.held) {
            heldRunning++;
            await gate;
        }
        processed.add(item.id);
    }
};
__decorate([
    (0, microservices_1.EventPattern)(STREAM),
    __param(0, (0, microservices_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], RestartController.prototype, "handle", null);
RestartController = __decorate([
    (0, common_1.Controller)()
], RestartController);
let RestartModule = class RestartModule {
};
RestartModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [RestartController] })
], RestartModule);
/** No handlers: the server reads only its `streams`. */
let IdleModule = class IdleModule {
};
IdleModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()] })
], IdleModule);
const BEFORE = 50;
const AFTER = 200;
/** `redis-cli shutdown nosave`, then the services script starts it again (empty: this Redis keeps nothing on disk). */
function restartRedis() {
    const url = new URL(redis_broker_1.REDIS_URL);
    try {
        (0, node_child_process_1.execFileSync)('redis-cli', ['-h', url.hostname, '-p', url.port || '6379', 'shutdown', 'nosave'], { stdio: 'ignore' });
    }
    catch {
        // redis-cli exits non-zero when the server closes the connection on shutdown
    }
}
(0, node_test_1.describe)('Redis restarted mid-stream (no persistence)', () => {
    const group = (0, names_1.uniqueName)('group');
    const client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL, reconnect: { initialDelayMs: 50, maxDelayMs: 500 } });
    const server = new redis_1.RedisAckServer({ connection: redis_broker_1.REDIS_URL, group, concurrency: 5, blockMs: 500, minIdleMs: 2000, claimIntervalMs: 50, reconnect: { initialDelayMs: 50, maxDelayMs: 500 } });
    const statuses = [];
    server.status.subscribe((status) => statuses.push(status));
    let app;
    (0, node_test_1.after)(async () => {
        await app?.close();
        await client.close();
        await (0, redis_broker_1.deleteKeys)([STREAM, `${STREAM}:dlq`]).catch(() => undefined);
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    (0, node_test_1.it)('reconnects, recreates the group, and processes everything published after the restart', { timeout: 120_000 }, async () => {
        app = await core_1.NestFactory.createMicroservice(RestartModule, { strategy: server, logger: process.env.TEST_LOG ? ['error', 'warn', 'log'] : false });
        await app.listen();
        await client.connect();
        for (let id = 1; id <= BEFORE; id++)
            await (0, rxjs_1.firstValueFrom)(client.emit(STREAM, { id }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => processed.size === BEFORE, { message: `the first ${BEFORE} processed` });
        const HELD = 3;
        for (let id = 1001; id <= 1000 + HELD; id++)
            await (0, rxjs_1.firstValueFrom)(client.emit(STREAM, { id, held: true }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => heldRunning === HELD, { message: 'handlers running across the restart' });
        const errors = [];
        server.on('error', (error) => errors.push(error));
        const reconnected = new Promise((resolve) => server.on('connected', () => resolve()));
        restartRedis();
        await (0, wait_for_1.waitFor)(() => statuses.includes('disconnected'), { timeoutMs: 10_000, message: 'status disconnected' });
        (0, node_child_process_1.execFileSync)('bash', [(0, node_path_1.join)(__dirname, '../../../scripts/services.sh'), 'redis'], { stdio: 'ignore' });
        await reconnected;
        strict_1.default.ok(statuses.includes('reconnecting'), `status went through reconnecting: ${statuses.join(' > ')}`);
        strict_1.default.equal(statuses.at(-1), 'connected');
        strict_1.default.ok(await (0, redis_broker_1.groupInfo)(STREAM, group), 'the group exists again on the empty Redis');
        // Their entries went with the restart: the acks find nothing pending, and say so.
        release();
        await (0, wait_for_1.waitFor)(() => errors.filter((e) => e.name === 'DeliveryGoneError').length === HELD, { message: `${HELD} acks refused as DeliveryGoneError (${errors.map((e) => e.name).join(', ')})` });
        for (let id = BEFORE + 1; id <= BEFORE + AFTER; id++)
            await (0, rxjs_1.firstValueFrom)(client.emit(STREAM, { id }), { defaultValue: undefined });
        await (0, wait_for_1.waitFor)(() => [...Array(AFTER)].every((_, i) => processed.has(BEFORE + 1 + i)), { timeoutMs: 30_000, message: `all ${AFTER} published after the restart processed` });
        await (0, wait_for_1.waitFor)(async () => (await (0, redis_broker_1.outstandingIn)(STREAM, group)) === 0, { message: 'nothing pending or unread' });
        strict_1.default.equal(Number((await (0, redis_broker_1.groupInfo)(STREAM, group))?.['entries-read']), AFTER, 'the group read exactly the entries written after the restart');
        strict_1.default.equal(await (0, redis_broker_1.redisAdmin)().xlen(STREAM), AFTER, 'the stream holds only what was written after the restart');
    });
    (0, node_test_1.it)('a close while Redis is down ends without waiting for it', { timeout: 60_000 }, async () => {
        const stopped = new redis_1.RedisAckServer({ connection: redis_broker_1.REDIS_URL, group: (0, names_1.uniqueName)('group'), streams: [(0, names_1.uniqueName)('redis-down')], blockMs: 500, reconnect: { initialDelayMs: 50, maxDelayMs: 200 } });
        const downStatuses = [];
        stopped.status.subscribe((status) => downStatuses.push(status));
        const downApp = await core_1.NestFactory.createMicroservice(IdleModule, { strategy: stopped, logger: false });
        await downApp.listen();
        try {
            restartRedis();
            await (0, wait_for_1.waitFor)(() => downStatuses.includes('reconnecting'), { timeoutMs: 10_000, message: 'reconnecting' });
            const started = Date.now();
            await downApp.close();
            strict_1.default.ok(Date.now() - started < 5000, `closed in ${Date.now() - started} ms`);
            strict_1.default.equal(downStatuses.at(-1), 'closed');
        }
        finally {
            (0, node_child_process_1.execFileSync)('bash', [(0, node_path_1.join)(__dirname, '../../../scripts/services.sh'), 'redis'], { stdio: 'ignore' });
        }
    });
});
//# sourceMappingURL=broker-restart-redis.test.js.map