"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
const nats_1 = require("../../../lib/nats");
const nats_version_1 = require("../../../lib/nats/nats-version");
/** A JsMsg stand-in that records the settle calls. */
function fakeMessage(calls) {
    const raw = {
        ack: () => calls.push('ack'),
        ackAck: async () => (calls.push('ackAck'), true),
        nak: (ms) => calls.push(`nak ${ms}`),
        term: (reason) => calls.push(`term ${reason}`),
        working: () => calls.push('working'),
    };
    return { raw, subject: 'orders.created', consumer: 'c', body: Buffer.from('{}'), headers: { 'Nats-Msg-Id': 'orig', tenant: 'acme' }, deliveryCount: 2, source: { stream: 'S', sequence: 7 }, key: 'S:7' };
}
const record = { body: Buffer.from('{}'), headers: { tenant: 'acme', 'Nats-Msg-Id': 'orig' }, source: { stream: 'S', sequence: 7 }, reason: 'handler-error', deliveryCount: 2, firstFailureAt: new Date(0), lastFailureAt: new Date(1) };
const open = { isClosed: () => false };
const target = { stream: 'S_DLQ', subjectPrefix: 'dead-letter.S', publishTimeoutMs: 100 };
(0, node_test_1.describe)('NATS commands', () => {
    (0, node_test_1.it)('ack, durable ack (ackAck), nak with and without delay, working; lease renewed at a third of ack_wait', async () => {
        const calls = [];
        const commands = new nats_1.NatsCommands({ connection: open, features: (0, nats_version_1.featuresOf)('2.9.10') }, false, 30_000);
        const message = fakeMessage(calls);
        await commands.ack(message, { durable: false });
        await commands.ack(message, { durable: true });
        await commands.nack(message, 500);
        await commands.nack(message, 0);
        await commands.extendLease(message);
        strict_1.default.deepEqual(calls, ['ack', 'ackAck', 'nak 500', 'nak undefined', 'working']);
        strict_1.default.equal(commands.leaseRenewalMs, 10_000);
    });
    (0, node_test_1.it)('reject: dead letter stored first (original headers without Nats-Msg-Id, one msgID per source message), then a bare term on 2.9', async () => {
        const calls = [];
        const published = [];
        const jetstream = { publish: async (subject, _body, options) => void (calls.push('publish'), published.push({ subject, options })) };
        const commands = new nats_1.NatsCommands({ connection: open, jetstream, features: (0, nats_version_1.featuresOf)('2.9.10') }, target, 30_000);
        await commands.reject(fakeMessage(calls), record);
        strict_1.default.deepEqual(calls, ['publish', 'term undefined']);
        strict_1.default.equal(published[0].subject, 'dead-letter.S.orders.created');
        strict_1.default.equal(published[0].options.msgID, 'dead-letter:S:7');
        strict_1.default.deepEqual(published[0].options.expect, { streamName: 'S_DLQ' });
        strict_1.default.equal(published[0].options.headers.get('tenant'), 'acme');
        strict_1.default.equal(published[0].options.headers.get('x-dead-letter-reason'), 'handler-error');
        strict_1.default.equal(published[0].options.headers.has('Nats-Msg-Id'), false);
    });
    (0, node_test_1.it)('reject on 2.11+: term carries the reason', async () => {
        const calls = [];
        const commands = new nats_1.NatsCommands({ connection: open, features: (0, nats_version_1.featuresOf)('2.11.1') }, false, 30_000);
        await commands.reject(fakeMessage(calls), record);
        strict_1.default.deepEqual(calls, ['term handler-error']);
    });
    (0, node_test_1.it)('a refused dead letter throws DeadLetterRefusedError and does not term', async () => {
        const calls = [];
        const jetstream = { publish: async () => Promise.reject(new Error('message size exceeds maximum allowed')) };
        const commands = new nats_1.NatsCommands({ connection: open, jetstream, features: (0, nats_version_1.featuresOf)('2.9.10') }, target, 30_000);
        await strict_1.default.rejects(commands.reject(fakeMessage(calls), record), core_1.DeadLetterRefusedError);
        strict_1.default.deepEqual(calls, []);
    });
    (0, node_test_1.it)('a closed connection: DeliveryGoneError, nothing sent', async () => {
        const calls = [];
        const commands = new nats_1.NatsCommands({ connection: { isClosed: () => true }, features: (0, nats_version_1.featuresOf)('2.9.10') }, false, 30_000);
        await strict_1.default.rejects(commands.ack(fakeMessage(calls), { durable: false }), core_1.DeliveryGoneError);
        await strict_1.default.rejects(commands.nack(fakeMessage(calls), 0), core_1.DeliveryGoneError);
        strict_1.default.deepEqual(calls, []);
    });
});
//# sourceMappingURL=nats-commands.test.js.map