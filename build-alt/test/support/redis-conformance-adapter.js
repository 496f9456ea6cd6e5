"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAST_REDIS = void 0;
exports.redisConformanceAdapter = redisConformanceAdapter;
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const redis_1 = require("../../lib/redis");
const names_1 = require("./names");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
const redis_broker_1 = require("./redis-broker");
/** Server settings that keep per-test start, redelivery and close fast. */
exports.FAST_REDIS = {
    blockMs: 500,
    // Well above any stall of a loaded CI machine: a delivery idle this long is taken over by XAUTOCLAIM
    // (a legitimate at-least-once redelivery, but one the suite's exact delivery counts would count).
    minIdleMs: 15_000,
    claimIntervalMs: 20,
    reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
};
/**
 * Runs the conformance suite on Redis Streams: one stream per pattern (the
 * pattern is the stream name), a fresh group per start; `outstanding` is the
 * group's pending count plus its lag (`XINFO GROUPS`), dead letters are the
 * entries of `<pattern>:dlq` (`XRANGE`). Streams are deleted at close.
 */
function redisConformanceAdapter() {
    return {
        name: 'redis streams',
        canBlockDeadLetters: true,
        async start(setup) {
            const group = (0, names_1.uniqueName)('conformance');
            const server = new redis_1.RedisAckServer({ ...setup.serverOptions, ...exports.FAST_REDIS, connection: redis_broker_1.REDIS_URL, group, streams: setup.patterns });
            const app = await core_1.NestFactory.createMicroservice(setup.module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
            const client = new redis_1.RedisAckClient({ connection: redis_broker_1.REDIS_URL });
            const dlqOf = (pattern) => `${pattern}:dlq`;
            const keys = [...setup.patterns, ...setup.patterns.map(dlqOf), ...setup.patterns.map((p) => `${dlqOf(p)}.held`)];
            try {
                if (setup.listen !== false)
                    await app.listen();
                await client.connect();
            }
            catch (error) {
                await app.close().catch(() => undefined);
                await client.close().catch(() => undefined);
                await (0, redis_broker_1.deleteKeys)(keys).catch(() => undefined);
                throw error;
            }
            let closed = false;
            return {
                app,
                server,
                emit: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.emit(pattern, data), { defaultValue: undefined }),
                send: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.send(pattern, data)),
                async publishRaw(pattern, body) {
                    await (0, redis_broker_1.redisAdmin)().call('XADD', pattern, '*', 'body', body);
                },
                outstanding: (pattern) => (0, redis_broker_1.outstandingIn)(pattern, group),
                async deadLetters(pattern) {
                    return (await (0, redis_broker_1.deadLettersIn)(dlqOf(pattern))).map((entry) => entry.view);
                },
                async consumers(pattern) {
                    return (await (0, redis_broker_1.consumersOf)(pattern, group)).length;
                },
                // A string at the dead-letter key: XADD fails with WRONGTYPE until it is deleted (earlier entries wait aside).
                async blockDeadLetters(pattern, blocked) {
                    const redis = (0, redis_broker_1.redisAdmin)();
                    const dlq = dlqOf(pattern);
                    if (blocked) {
                        if ((await redis.exists(dlq)) === 1)
                            await redis.rename(dlq, `${dlq}.held`);
                        await redis.set(dlq, 'blocked by the conformance suite');
                    }
                    else {
                        await redis.del(dlq);
                        if ((await redis.exists(`${dlq}.held`)) === 1)
                            await redis.rename(`${dlq}.held`, dlq);
                    }
                },
                async close() {
                    if (closed)
                        return;
                    closed = true;
                    try {
                        await app.close();
                    }
                    finally {
                        await client.close().catch(() => undefined);
                        await (0, redis_broker_1.deleteKeys)(keys);
                    }
                },
            };
        },
        dispose: () => (0, redis_broker_1.closeRedisAdmin)(),
    };
}
//# sourceMappingURL=redis-conformance-adapter.js.map