"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redisBench = redisBench;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const ioredis_1 = require("ioredis");
const redis_1 = require("../lib/redis");
const broker_urls_1 = require("../test/support/broker-urls");
const names_1 = require("../test/support/names");
const measure_1 = require("./measure");
const WINDOW = 50;
function connect() {
    return new ioredis_1.Redis(broker_urls_1.brokerUrls.redis, { protocol: 2 });
}
const ours = (ackModule) => ({
    role: ackModule ? 'ours+module' : 'ours',
    label: ackModule ? 'RedisAckServer + AckModule' : 'RedisAckServer',
    async start(stream, work, tick) {
        const server = new redis_1.RedisAckServer({ connection: broker_urls_1.brokerUrls.redis, group: (0, names_1.uniqueName)('bench'), concurrency: WINDOW, deadLetter: false });
        server.on('settled', tick);
        // The handler's pattern is the stream it reads.
        const app = await core_1.NestFactory.createMicroservice((0, measure_1.benchModule)(stream, work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
        await app.listen();
        return () => app.close();
    },
});
/** Redis Streams: ioredis XREADGROUP + XACK by hand (batches of 50), `RedisAckServer` without and with `AckModule` (Nest has no Redis Streams transport). */
function redisBench() {
    const streams = [];
    return {
        id: 'redis',
        title: `Redis Streams, window ${WINDOW}`,
        concurrency: WINDOW,
        contenders: [
            {
                role: 'raw',
                label: 'ioredis XREADGROUP + XACK',
                async start(stream, work, tick) {
                    const group = (0, names_1.uniqueName)('bench-raw');
                    const redis = connect();
                    await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
                    let running = true;
                    const loop = (async () => {
                        while (running) {
                            const reply = (await redis.call('XREADGROUP', 'GROUP', group, 'raw', 'COUNT', WINDOW, 'BLOCK', 100, 'STREAMS', stream, '>'));
                            const entries = reply?.[0]?.[1] ?? [];
                            await Promise.all(entries.map(async ([id, fields]) => {
                                const packet = JSON.parse(fields[fields.indexOf('body') + 1]);
                                await (0, measure_1.after)(work(packet.data), () => undefined);
                                await redis.xack(stream, group, id);
                                tick();
                            }));
                        }
                    })();
                    return async () => {
                        running = false;
                        await loop;
                        redis.disconnect();
                    };
                },
            },
            ours(false),
            ours(true),
        ],
        async fill(messages) {
            const stream = (0, names_1.uniqueName)('bench-redis');
            streams.push(stream);
            const redis = connect();
            if (messages === 0)
                await redis.call('XGROUP', 'CREATE', stream, 'init', '0', 'MKSTREAM');
            for (let start = 0; start < messages; start += 500) {
                const pipeline = redis.pipeline();
                for (let i = start; i < Math.min(messages, start + 500); i++)
                    pipeline.xadd(stream, '*', 'body', JSON.stringify({ pattern: stream, data: { i } }));
                await pipeline.exec();
            }
            redis.disconnect();
            return stream;
        },
        async publisher(stream) {
            const redis = connect();
            return {
                publish: async (data) => void (await redis.xadd(stream, '*', 'body', JSON.stringify({ pattern: stream, data }))),
                close: async () => redis.disconnect(),
            };
        },
        async version() {
            const redis = connect();
            const info = await redis.info('server');
            redis.disconnect();
            return `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown'}`;
        },
        async cleanup() {
            const redis = connect();
            for (const stream of streams.splice(0))
                await redis.del(stream);
            redis.disconnect();
        },
    };
}
//# sourceMappingURL=redis.bench.js.map