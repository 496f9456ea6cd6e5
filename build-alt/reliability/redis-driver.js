"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisDriver = void 0;
// The harness's hands on Redis Streams (ioredis, not our client): entries XADDed with the fields
// RedisAckClient writes (body, headers, replyTo, correlationId) or any others, the group's pending
// and lag read with XINFO GROUPS, dead letters read from `<stream>:dlq`.
const ioredis_1 = require("ioredis");
const core_1 = require("../lib/core");
const nats_driver_1 = require("./nats-driver");
class RedisDriver {
    addresses;
    transport = 'redis';
    redis;
    constructor(addresses) {
        this.addresses = addresses;
        // Commands wait across a broker restart (queued, sent again once it is back).
        this.redis = new ioredis_1.Redis(addresses[0], { maxRetriesPerRequest: null, retryStrategy: () => 100, connectionName: 'nestjs-ack:reliability' });
        this.redis.on('error', () => undefined);
    }
    /** The handler pattern is the stream's name. */
    pattern(stream) {
        return stream;
    }
    items(stream, ids) {
        return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: stream, data: { id } })) }));
    }
    async prepare() { } // the server creates its group (MKSTREAM)
    async publish(stream, messages) {
        for (let start = 0; start < messages.length; start += 200) {
            const pipeline = this.redis.pipeline();
            for (const message of messages.slice(start, start + 200)) {
                const fields = [];
                if (message.fields) {
                    for (const [name, value] of Object.entries(message.fields))
                        fields.push(name, value);
                }
                else {
                    fields.push('body', message.body ?? Buffer.alloc(0));
                    if (message.headers)
                        fields.push('headers', JSON.stringify(message.headers));
                    if (message.replyTo !== undefined)
                        fields.push('replyTo', message.replyTo);
                    if (message.correlationId !== undefined)
                        fields.push('correlationId', message.correlationId);
                }
                pipeline.xadd(message.topic ?? stream, '*', ...fields);
            }
            const replies = (await pipeline.exec()) ?? [];
            const failed = replies.find(([error]) => error);
            if (failed)
                throw failed[0];
        }
    }
    /** Pending entries of the group plus those it has not read yet (the whole stream when it has no group). */
    async outstanding(stream, group) {
        return (0, nats_driver_1.retry)(async () => {
            const groups = (await this.redis.call('XINFO', 'GROUPS', stream).catch((error) => (/no such key/i.test(error.message) ? [] : Promise.reject(error)))).map(pairs);
            const info = groups.find((g) => g.name === group);
            if (!info)
                return this.redis.xlen(stream);
            const pending = Number(info.pending);
            if (info.lag !== null && info.lag !== undefined)
                return pending + Number(info.lag);
            const unread = (await this.redis.call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+'));
            return pending + unread.length;
        });
    }
    async deadLetters(stream) {
        const rows = (await this.redis.callBuffer('XRANGE', `${stream}:dlq`, '-', '+'));
        return rows.map(([, flat]) => {
            const fields = new Map();
            for (let i = 0; i + 1 < flat.length; i += 2)
                fields.set(flat[i].toString('utf8'), flat[i + 1].toString('utf8'));
            let headers = {};
            try {
                headers = JSON.parse(fields.get('headers') ?? '{}');
            }
            catch {
                // the bad input's own headers field
            }
            const get = (name) => fields.get(name) ?? headers[name];
            return { input: headers['x-rel-input'] ?? fields.get('x-rel-input'), reason: get(core_1.DeadLetterHeaders.REASON) ?? '', deliveryCount: Number(get(core_1.DeadLetterHeaders.DELIVERY_COUNT) ?? NaN), body: Buffer.from(fields.get('body') ?? '') };
        });
    }
    async cleanup(stream, _group, extra = []) {
        const keys = [stream, ...extra].flatMap((key) => [key, `${key}:dlq`]);
        await this.redis.del(...keys);
    }
    async close() {
        this.redis.disconnect();
    }
}
exports.RedisDriver = RedisDriver;
function pairs(flat) {
    const object = {};
    for (let i = 0; i + 1 < flat.length; i += 2)
        object[String(flat[i])] = flat[i + 1];
    return object;
}
//# sourceMappingURL=redis-driver.js.map