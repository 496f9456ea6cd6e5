"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
const redis_commands_1 = require("../../../lib/redis/redis-commands");
const redis_settings_1 = require("../../../lib/redis/redis-settings");
const redis_wire_1 = require("../../../lib/redis/redis-wire");
/** A client that records script calls and answers `reply`. */
function fakeRedis(reply) {
    const calls = [];
    const redis = new Proxy({}, { get: (_t, name) => async (...args) => (calls.push([name, args]), reply) });
    return { redis, calls };
}
const message = () => ({
    stream: 'orders',
    id: '5-0',
    group: 'g',
    fields: (0, redis_wire_1.fieldMap)([Buffer.from('body'), Buffer.from('{"pattern":"orders","data":1}'), Buffer.from('headers'), Buffer.from('{"h":"1"}')]),
    body: Buffer.from('{"pattern":"orders","data":1}'),
    headers: { h: '1' },
    deliveryCount: 2,
    source: { stream: 'orders', id: '5-0', group: 'g' },
    key: 'orders/5-0',
});
const record = { body: Buffer.from('x'), headers: { h: '1' }, source: { stream: 'orders', id: '5-0', group: 'g' }, reason: 'handler-error', errorName: 'Error', errorMessage: 'boom', deliveryCount: 2, firstFailureAt: new Date(0), lastFailureAt: new Date(1000) };
(0, node_test_1.describe)('Redis commands', () => {
    const settings = (0, redis_settings_1.resolveRedisSettings)({ group: 'g', consumer: 'me', minIdleMs: 3000, trimMaxLen: 1000, deleteOnAck: true });
    (0, node_test_1.it)('ack: one script with delete and trim', async () => {
        const { redis, calls } = fakeRedis(1);
        await new redis_commands_1.RedisCommands(() => redis, settings, strict_1.default.fail).ack(message());
        strict_1.default.deepEqual(calls, [['nestjsAckAck', ['orders', 'g', '5-0', 1, 1000]]]);
    });
    (0, node_test_1.it)('nack below minIdleMs: the idle time that makes it due when the delay ends', async () => {
        const { redis, calls } = fakeRedis(1);
        await new redis_commands_1.RedisCommands(() => redis, settings, strict_1.default.fail).nack(message(), 500);
        strict_1.default.deepEqual(calls, [['nestjsAckTouch', ['orders', 'g', 'me', '5-0', 2500]]]);
    });
    (0, node_test_1.it)('reject: the dead-letter stream gets the original fields, then the x-dead-letter-* fields', async () => {
        const { redis, calls } = fakeRedis(1);
        await new redis_commands_1.RedisCommands(() => redis, settings, strict_1.default.fail).reject(message(), record);
        const [name, args] = calls[0];
        strict_1.default.equal(name, 'nestjsAckReject');
        strict_1.default.deepEqual(args.slice(0, 5), ['orders', 'orders:dlq', 'g', '5-0', 1]);
        const pairs = args.slice(5).map(String);
        strict_1.default.deepEqual(pairs.slice(0, 4), ['body', '{"pattern":"orders","data":1}', 'headers', '{"h":"1"}']);
        const fields = Object.fromEntries(pairs.slice(4).flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]]] : [])));
        strict_1.default.equal(fields['x-dead-letter-reason'], 'handler-error');
        strict_1.default.equal(fields['x-dead-letter-delivery-count'], '2');
        strict_1.default.equal(fields['x-dead-letter-error-message'], 'boom');
        strict_1.default.equal(fields.h, undefined, 'the original headers stay in their headers field');
    });
    (0, node_test_1.it)('an entry no longer pending with us is DeliveryGoneError', async () => {
        const { redis } = fakeRedis(0);
        const commands = new redis_commands_1.RedisCommands(() => redis, settings, strict_1.default.fail);
        await strict_1.default.rejects(commands.ack(message()), core_1.DeliveryGoneError);
        await strict_1.default.rejects(commands.nack(message(), 0), core_1.DeliveryGoneError);
        await strict_1.default.rejects(commands.reject(message(), record), core_1.DeliveryGoneError);
        await strict_1.default.rejects(commands.extendLease(message()), core_1.DeliveryGoneError);
    });
});
//# sourceMappingURL=redis-commands.test.js.map