"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.redisTransport = redisTransport;
const ioredis_1 = __importDefault(require("ioredis"));
const lib_1 = require("../../lib");
const redis_1 = require("../../lib/redis");
const patterns_1 = require("../patterns");
/** Never printed: it may carry credentials. */
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Redis Streams: one stream per pattern, one consumer group, dead letters in
 * `<stream>:dlq`. The broker's view: per stream, XPENDING (delivered, not
 * acked) plus entries the group has not read, and the dead-letter streams read back.
 */
async function redisTransport(patterns) {
    const group = `sample-${patterns_1.RUN_ID}`;
    const redis = new ioredis_1.default(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    await redis.connect();
    return {
        description: `Redis Streams (group ${group}, streams sample-${patterns_1.RUN_ID}.*, dead letters in <stream>:dlq)`,
        // `streams` adds the unhandled pattern's stream, to show its entries dead-lettered as no-handler.
        server: new redis_1.RedisAckServer({ connection: url, group, streams: [patterns_1.Patterns.refunded] }),
        client: new redis_1.RedisAckClient({ connection: url }),
        async publishPoison(stream) {
            await redis.xadd(stream, '*', redis_1.RedisFields.BODY, '{ not json');
        },
        async readBroker() {
            const lines = [];
            let unsettled = 0;
            const deadLetters = [];
            for (const stream of patterns) {
                const [pending] = (await redis.call('XPENDING', stream, group));
                const groups = (await redis.call('XINFO', 'GROUPS', stream));
                const info = groups.map(pairs).find((entry) => entry.name === group);
                const unread = info ? (await redis.call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+')).length : await redis.xlen(stream);
                unsettled += Number(pending) + unread;
                const dlq = `${stream}:dlq`;
                const entries = (await redis.xrange(dlq, '-', '+')).map(([, fields]) => pairs(fields));
                for (const entry of entries)
                    deadLetters.push({ pattern: stream, reason: String(entry[lib_1.DeadLetterHeaders.REASON] ?? '') });
                lines.push(`stream ${stream}: XLEN ${await redis.xlen(stream)}, XPENDING ${pending}, unread ${unread}; ${dlq}: XLEN ${entries.length}`);
            }
            return { lines, unsettled, deadLetters };
        },
        async cleanup() {
            await redis.del(...patterns, ...patterns.map((stream) => `${stream}:dlq`));
            redis.disconnect();
        },
    };
}
/** `[name, value, name, value...]` as an object. */
function pairs(flat) {
    const object = {};
    for (let i = 0; i + 1 < flat.length; i += 2)
        object[String(flat[i])] = flat[i + 1];
    return object;
}
//# sourceMappingURL=redis.js.map