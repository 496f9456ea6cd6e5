"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDIS_URL = void 0;
exports.redisAdmin = redisAdmin;
exports.closeRedisAdmin = closeRedisAdmin;
exports.groupsOf = groupsOf;
exports.groupInfo = groupInfo;
exports.outstandingIn = outstandingIn;
exports.pendingEntries = pendingEntries;
exports.consumersOf = consumersOf;
exports.deadLettersIn = deadLettersIn;
exports.deleteKeys = deleteKeys;
const ioredis_1 = require("ioredis");
const core_1 = require("../../lib/core");
const broker_urls_1 = require("./broker-urls");
exports.REDIS_URL = broker_urls_1.brokerUrls.redis;
let shared;
/** One connection for the tests' own reads and clean-ups (its commands wait across a Redis restart). */
function redisAdmin() {
    if (!shared) {
        shared = new ioredis_1.Redis(exports.REDIS_URL, { protocol: 2, maxRetriesPerRequest: null, retryStrategy: () => 100, connectionName: 'nestjs-ack:test-admin' });
        shared.on('error', () => undefined);
    }
    return shared;
}
async function closeRedisAdmin() {
    const redis = shared;
    shared = undefined;
    redis?.disconnect();
}
/** `XINFO GROUPS` of `stream` as objects (empty when the stream does not exist). */
async function groupsOf(stream) {
    let reply;
    try {
        reply = (await redisAdmin().call('XINFO', 'GROUPS', stream));
    }
    catch (error) {
        if (/no such key/i.test(error.message))
            return [];
        throw error;
    }
    return reply.map(pairsToObject);
}
/** `XINFO GROUPS` of the group on `stream`. */
async function groupInfo(stream, group) {
    return (await groupsOf(stream)).find((info) => info.name === group);
}
/**
 * Entries of `stream` the group has not settled: pending (delivered, not
 * acked, nacked ones included) plus not yet read (`lag`, or counted from
 * the last delivered id when Redis cannot tell the lag); the whole stream when the group does not exist yet.
 */
async function outstandingIn(stream, group) {
    const info = await groupInfo(stream, group);
    // No group yet (a server closed before it created one): a group created later from id 0 reads the whole stream.
    if (!info)
        return Number(await redisAdmin().exists(stream)) === 1 ? await redisAdmin().xlen(stream) : 0;
    const pending = Number(info.pending);
    if (info.lag !== null && info.lag !== undefined)
        return pending + Number(info.lag);
    const unread = (await redisAdmin().call('XRANGE', stream, `(${String(info['last-delivered-id'])}`, '+'));
    return pending + unread.length;
}
async function pendingEntries(stream, group, count = 1000) {
    try {
        const rows = (await redisAdmin().call('XPENDING', stream, group, '-', '+', count));
        return rows.map(([id, consumer, idleMs, timesDelivered]) => ({ id, consumer, idleMs: Number(idleMs), timesDelivered: Number(timesDelivered) }));
    }
    catch (error) {
        if (/NOGROUP|no such key/i.test(error.message))
            return [];
        throw error;
    }
}
/** Consumers of the group on `stream` (`XINFO CONSUMERS`). */
async function consumersOf(stream, group) {
    try {
        const reply = (await redisAdmin().call('XINFO', 'CONSUMERS', stream, group));
        return reply.map(pairsToObject).map((c) => ({ name: String(c.name), pending: Number(c.pending) }));
    }
    catch (error) {
        if (/NOGROUP|no such key/i.test(error.message))
            return [];
        throw error;
    }
}
/** The entries of a dead-letter stream as the conformance suite reads them. */
async function deadLettersIn(dlq) {
    let rows;
    try {
        rows = (await redisAdmin().callBuffer('XRANGE', dlq, '-', '+'));
    }
    catch (error) {
        if (/WRONGTYPE/.test(error.message))
            return []; // blocked on purpose by a test
        throw error;
    }
    return rows.map(([id, flat]) => {
        const fields = new Map();
        for (let i = 0; i + 1 < flat.length; i += 2)
            fields.set(flat[i].toString('utf8'), flat[i + 1]);
        const text = (name) => fields.get(name)?.toString('utf8');
        const headers = {};
        try {
            Object.assign(headers, JSON.parse(text('headers') ?? '{}'));
        }
        catch {
            // headers that are not JSON are left out
        }
        for (const [name, value] of fields)
            if (name.startsWith('x-dead-letter-'))
                headers[name] = value.toString('utf8');
        return {
            id: id.toString('utf8'),
            fields,
            view: {
                body: fields.get('body') ?? Buffer.alloc(0),
                headers,
                reason: headers[core_1.DeadLetterHeaders.REASON] ?? '',
                errorName: headers[core_1.DeadLetterHeaders.ERROR_NAME],
                errorMessage: headers[core_1.DeadLetterHeaders.ERROR_MESSAGE],
                deliveryCount: Number(headers[core_1.DeadLetterHeaders.DELIVERY_COUNT] ?? NaN),
                source: JSON.parse(headers[core_1.DeadLetterHeaders.SOURCE] ?? '{}'),
            },
        };
    });
}
/** Deletes keys (streams, dead-letter streams, lists). */
async function deleteKeys(keys) {
    if (keys.length > 0)
        await redisAdmin().del(...keys);
}
function pairsToObject(flat) {
    const object = {};
    for (let i = 0; i + 1 < flat.length; i += 2)
        object[String(flat[i])] = flat[i + 1];
    return object;
}
//# sourceMappingURL=redis-broker.js.map