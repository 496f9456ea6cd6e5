"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const redis_message_1 = require("../../../lib/redis/redis-message");
const redis_wire_1 = require("../../../lib/redis/redis-wire");
(0, node_test_1.describe)('Redis entry fields', () => {
    (0, node_test_1.it)('a flat reply becomes a map; bodies stay bytes', () => {
        const body = Buffer.from([0x7b, 0xff, 0x7d]);
        const fields = (0, redis_wire_1.fieldMap)([Buffer.from('body'), body, Buffer.from('replyTo'), Buffer.from('r1')]);
        strict_1.default.ok(fields.get('body').equals(body));
        strict_1.default.equal((0, redis_wire_1.fieldMap)(null).size, 0);
    });
    (0, node_test_1.it)('headers: a JSON object of strings; anything else is no headers', () => {
        strict_1.default.deepEqual((0, redis_wire_1.headersOf)(new Map([['headers', Buffer.from('{"a":"1","b":2}')]])), { a: '1', b: '2' });
        strict_1.default.deepEqual((0, redis_wire_1.headersOf)(new Map([['headers', Buffer.from('[1]')]])), {});
        strict_1.default.deepEqual((0, redis_wire_1.headersOf)(new Map([['headers', Buffer.from('{not json')]])), {});
    });
    (0, node_test_1.it)('a delivery carries its stream, id, group, reply address and a key stable across redeliveries', () => {
        const fields = (0, redis_wire_1.fieldMap)([Buffer.from('body'), Buffer.from('{}'), Buffer.from('replyTo'), Buffer.from('list'), Buffer.from('correlationId'), Buffer.from('c1')]);
        const message = (0, redis_message_1.toRedisMessage)('orders', '1-0', fields, 'g', 3);
        strict_1.default.deepEqual(message.source, { stream: 'orders', id: '1-0', group: 'g' });
        strict_1.default.equal(message.key, 'orders/1-0');
        strict_1.default.equal(message.deliveryCount, 3);
        strict_1.default.equal(message.replyTo, 'list');
        strict_1.default.equal(message.correlationId, 'c1');
    });
});
//# sourceMappingURL=redis-wire.test.js.map