"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rabbitmq_1 = require("../../../lib/rabbitmq");
const rabbit_settings_1 = require("../../../lib/rabbitmq/rabbit-settings");
const rabbit_topology_1 = require("../../../lib/rabbitmq/rabbit-topology");
(0, node_test_1.describe)('RabbitAckServer options', () => {
    (0, node_test_1.it)('fills in the defaults: quorum queue, dead letters to <queue>.dlq through <queue>.dlx, prefetch twice concurrency (at least 20)', () => {
        const settings = (0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'orders' }, 10);
        strict_1.default.deepEqual(settings.urls, ['amqp://guest:guest@127.0.0.1:5672']);
        strict_1.default.equal(settings.queueType, 'quorum');
        strict_1.default.equal(settings.noAssert, false);
        strict_1.default.equal(settings.prefetch, 20);
        strict_1.default.deepEqual(settings.deadLetter, { exchange: 'orders.dlx', queue: 'orders.dlq', routingKey: 'orders' });
        strict_1.default.equal(settings.exchange, undefined);
        strict_1.default.equal((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'orders' }, 30).prefetch, 60);
    });
    (0, node_test_1.it)('declares the queue with its type and dead-letter exchange, user arguments last', () => {
        const settings = (0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'orders', queueArguments: { 'x-delivery-limit': 50 } }, 10);
        strict_1.default.deepEqual((0, rabbit_topology_1.queueArgumentsOf)(settings), {
            'x-queue-type': 'quorum',
            'x-dead-letter-exchange': 'orders.dlx',
            'x-dead-letter-routing-key': 'orders',
            'x-delivery-limit': 50,
        });
        strict_1.default.deepEqual((0, rabbit_topology_1.queueArgumentsOf)((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'orders', queueType: 'classic', deadLetter: false }, 10)), { 'x-queue-type': 'classic' });
    });
    (0, node_test_1.it)('binds to an exchange with routing keys that depend on its type', () => {
        strict_1.default.deepEqual((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'q', exchange: 'events' }, 1).exchange, { name: 'events', type: 'topic', routingKeys: ['#'] });
        strict_1.default.deepEqual((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'q', exchange: 'events', exchangeType: 'direct' }, 1).exchange?.routingKeys, ['q']);
        strict_1.default.deepEqual((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'q', exchange: 'events', exchangeType: 'fanout' }, 1).exchange?.routingKeys, ['']);
        strict_1.default.deepEqual((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'q', exchange: 'events', routingKeys: ['orders.*'] }, 1).exchange?.routingKeys, ['orders.*']);
    });
    (0, node_test_1.it)('custom dead-letter names', () => {
        strict_1.default.deepEqual((0, rabbit_settings_1.resolveRabbitSettings)({ queue: 'q', deadLetter: { queue: 'all.dead', exchange: 'dead' } }, 1).deadLetter, { exchange: 'dead', queue: 'all.dead', routingKey: 'q' });
    });
    const invalid = [
        ['no queue', {}, /option queue/],
        ['empty queue', { queue: ' ' }, /option queue/],
        ['queueType', { queue: 'q', queueType: 'stream' }, /invalid queueType "stream"; allowed: quorum, classic/],
        ['prefetch below concurrency', { queue: 'q', concurrency: 10, prefetch: 5 }, /invalid prefetch 5; allowed: an integer from concurrency \(10\)/],
        ['prefetch not an integer', { queue: 'q', prefetch: 2.5 }, /invalid prefetch/],
        ['exchangeType', { queue: 'q', exchange: 'x', exchangeType: 'x-delayed' }, /invalid exchangeType "x-delayed"; allowed: direct, topic, fanout, headers/],
        ['routingKeys without exchange', { queue: 'q', routingKeys: ['a'] }, /routingKeys needs the option exchange/],
        ['deadLetter', { queue: 'q', deadLetter: true }, /invalid deadLetter true; allowed: false or/],
        ['deadLetter.queue same as queue', { queue: 'q', deadLetter: { queue: 'q' } }, /deadLetter.queue: it must differ/],
        ['noAssert', { queue: 'q', noAssert: 'yes' }, /invalid noAssert "yes"; allowed: true, false/],
        ['urls', { queue: 'q', urls: 'http://guest:secret@host' }, /invalid urls entry "http:\/\/host\/"; allowed: an amqp/],
        ['reconnect', { queue: 'q', reconnect: { multiplier: 0.5 } }, /invalid reconnect.multiplier 0.5; allowed: a number >= 1/],
        ['a core option', { queue: 'q', defaultPolicy: 'NEVER' }, /invalid defaultPolicy "NEVER"/],
    ];
    for (const [what, options, message] of invalid) {
        (0, node_test_1.it)(`fails at construction on a bad option: ${what}`, () => {
            strict_1.default.throws(() => new rabbitmq_1.RabbitAckServer(options), message);
        });
    }
    (0, node_test_1.it)('never puts credentials in an error', () => {
        strict_1.default.throws(() => new rabbitmq_1.RabbitAckServer({ queue: 'q', urls: 'http://user:s3cret@host:5672' }), (error) => !error.message.includes('s3cret'));
    });
    (0, node_test_1.it)('the client needs a destination', () => {
        strict_1.default.throws(() => new rabbitmq_1.RabbitAckClient({}), /option queue \(or exchange\)/);
        strict_1.default.throws(() => new rabbitmq_1.RabbitAckClient({ queue: 'q', publishTimeoutMs: 0 }), /invalid publishTimeoutMs 0/);
    });
});
//# sourceMappingURL=rabbit-settings.test.js.map