"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
const nats_1 = require("../../../lib/nats");
const nats_settings_1 = require("../../../lib/nats/nats-settings");
const rejects = (options, option) => strict_1.default.throws(() => (0, nats_settings_1.resolveNatsSettings)(options, 10), (error) => {
    strict_1.default.ok(error instanceof core_1.InvalidOptionError, String(error));
    strict_1.default.equal(error.option, option);
    return true;
});
(0, node_test_1.describe)('NATS server options', () => {
    (0, node_test_1.it)('defaults: local server, consumer nestjs-ack, ack_wait 30 s, dead letters to <stream>_DLQ', () => {
        const settings = (0, nats_settings_1.resolveNatsSettings)({ stream: 'ORDERS' }, 10);
        strict_1.default.deepEqual(settings.servers, ['nats://127.0.0.1:4222']);
        strict_1.default.equal(settings.consumer, 'nestjs-ack');
        strict_1.default.equal(settings.ackWaitMs, 30_000);
        strict_1.default.equal(settings.batchSize, 10, 'one batch of concurrency');
        strict_1.default.equal(settings.ensureStream, false);
        strict_1.default.equal(settings.ensureConsumer, true);
        strict_1.default.deepEqual(settings.deadLetter, { stream: 'ORDERS_DLQ', subjectPrefix: 'dead-letter.ORDERS', publishTimeoutMs: 5000 });
    });
    (0, node_test_1.it)('ensureStream true becomes an empty stream configuration; deadLetter false turns dead-lettering off', () => {
        const settings = (0, nats_settings_1.resolveNatsSettings)({ stream: 'ORDERS', ensureStream: true, deadLetter: false }, 1);
        strict_1.default.deepEqual(settings.ensureStream, {});
        strict_1.default.equal(settings.deadLetter, false);
    });
    (0, node_test_1.it)('an existing connection needs no servers', () => {
        const settings = (0, nats_settings_1.resolveNatsSettings)({ stream: 'S', connection: {}, servers: 'not a url' }, 1);
        strict_1.default.deepEqual(settings.servers, []);
    });
    (0, node_test_1.it)('names the bad option', () => {
        rejects({}, 'stream');
        rejects({ stream: 'has.dot' }, 'stream');
        rejects({ stream: 'S', consumer: 'a b' }, 'consumer');
        rejects({ stream: 'S', ackWaitMs: 10 }, 'ackWaitMs');
        rejects({ stream: 'S', maxAckPending: 0 }, 'maxAckPending');
        rejects({ stream: 'S', batchSize: 1.5 }, 'batchSize');
        rejects({ stream: 'S', subjects: [] }, 'subjects');
        rejects({ stream: 'S', subjects: ['a b'] }, 'subjects');
        rejects({ stream: 'S', subjects: ['a.>.b'] }, 'subjects');
        rejects({ stream: 'S', ensureStream: 'yes' }, 'ensureStream');
        rejects({ stream: 'S', ensureConsumer: 1 }, 'ensureConsumer');
        rejects({ stream: 'S', servers: [] }, 'servers');
        rejects({ stream: 'S', deadLetter: { stream: 'S' } }, 'deadLetter.stream');
        rejects({ stream: 'S', deadLetter: { subjectPrefix: 'dl.*' } }, 'deadLetter.subjectPrefix');
        rejects({ stream: 'S', deadLetter: 'DLQ' }, 'deadLetter');
    });
    (0, node_test_1.it)('refuses consumer settings the contract owns (max_deliver, ack_policy...)', () => {
        rejects({ stream: 'S', consumerConfig: { max_deliver: 3 } }, 'consumerConfig.max_deliver');
        rejects({ stream: 'S', consumerConfig: { ack_policy: 'none' } }, 'consumerConfig.ack_policy');
    });
    (0, node_test_1.it)('credentials in a server URL are not in the error', () => {
        strict_1.default.throws(() => (0, nats_settings_1.resolveNatsSettings)({ stream: 'S', servers: ['nats://user:secret@host:4222', 'bad url'] }, 1), (error) => {
            strict_1.default.doesNotMatch(error.message, /secret/);
            return true;
        });
    });
    (0, node_test_1.it)('the server constructor checks the options', () => {
        strict_1.default.throws(() => new nats_1.NatsAckServer({ stream: 'S', concurrency: 0 }), /concurrency/);
        strict_1.default.throws(() => new nats_1.NatsAckServer({}), core_1.InvalidOptionError);
    });
});
//# sourceMappingURL=nats-settings.test.js.map