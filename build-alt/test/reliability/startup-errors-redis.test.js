"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
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
const redis_1 = require("../../lib/redis");
const names_1 = require("../support/names");
let EmptyModule = class EmptyModule {
};
EmptyModule = __decorate([
    (0, common_1.Module)({})
], EmptyModule);
/** A port nothing listens on. */
const NOWHERE = 'redis://:secret-password@127.0.0.1:6390';
(0, node_test_1.describe)('Redis Streams: start-up without Redis', () => {
    (0, node_test_1.it)('keeps trying, then fails listen() after reconnect.maxAttempts, naming the address without the password', { timeout: 30_000 }, async () => {
        const attempts = [];
        const server = new redis_1.RedisAckServer({ connection: NOWHERE, group: 'g', streams: [(0, names_1.uniqueName)('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 3 } });
        server.on('reconnecting', (delay) => attempts.push(delay));
        const app = await core_1.NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
        await strict_1.default.rejects(app.listen(), (error) => {
            strict_1.default.match(error.message, /could not connect to Redis at 127\.0\.0\.1:6390: .*ECONNREFUSED/);
            strict_1.default.doesNotMatch(error.message, /secret-password/);
            return true;
        });
        strict_1.default.ok(attempts.length >= 2, `retried before giving up (${attempts.length} reconnecting events)`);
        await app.close();
    });
    (0, node_test_1.it)('a close while it keeps trying cancels the start', { timeout: 30_000 }, async () => {
        const server = new redis_1.RedisAckServer({ connection: NOWHERE, group: 'g', streams: [(0, names_1.uniqueName)('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50 } });
        const app = await core_1.NestFactory.createMicroservice(EmptyModule, { strategy: server, logger: false });
        const listening = app.listen().then(() => 'started', (error) => error.name);
        await new Promise((resolve) => setTimeout(resolve, 300)); // the scenario: several failed attempts, then a close
        const started = Date.now();
        await app.close();
        strict_1.default.equal(await listening, 'ClosedDuringStartError');
        strict_1.default.ok(Date.now() - started < 2000, 'the close did not wait for Redis');
    });
});
//# sourceMappingURL=startup-errors-redis.test.js.map