"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const kafka_1 = require("../../../lib/kafka");
const kafka_codec_1 = require("../../../lib/kafka/kafka-codec");
const kafka_headers_1 = require("../../../lib/kafka/kafka-headers");
const kafka_settings_1 = require("../../../lib/kafka/kafka-settings");
(0, node_test_1.describe)('Kafka value codec (as Nest reads Kafka values)', () => {
    (0, node_test_1.it)('decodes JSON objects and arrays, and refuses broken JSON', () => {
        strict_1.default.deepEqual((0, kafka_codec_1.decodeValue)(Buffer.from('{"n":42}')), { n: 42 });
        strict_1.default.deepEqual((0, kafka_codec_1.decodeValue)(Buffer.from('[1,2]')), [1, 2]);
        strict_1.default.throws(() => (0, kafka_codec_1.decodeValue)(Buffer.from('{"n":42, this is not json')));
    });
    (0, node_test_1.it)('keeps plain strings (Nest ClientKafka.emit of a string), numbers, tombstones and binary framing', () => {
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.from('hello')), 'hello');
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.from('42')), 42);
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(null), null);
        const framed = Buffer.from([0, 1, 2]);
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(framed), framed);
    });
    (0, node_test_1.it)('passes empty values as \'\' and tombstones as null', () => {
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.alloc(0)), '');
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(null), null);
    });
    (0, node_test_1.it)('refuses invalid UTF-8, inside JSON or in plain text, instead of replacing it', () => {
        strict_1.default.throws(() => (0, kafka_codec_1.decodeValue)(Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])), /not valid UTF-8/);
        strict_1.default.throws(() => (0, kafka_codec_1.decodeValue)(Buffer.from([0x68, 0xff])), /not valid UTF-8/);
    });
    (0, node_test_1.it)("nonJsonValues 'reject' refuses everything that is not a JSON text, and decodes JSON as 'pass' does", () => {
        for (const value of [Buffer.from('hello'), Buffer.alloc(0), null, Buffer.from([0, 1, 2]), Buffer.from('{"n":1, broken')]) {
            strict_1.default.throws(() => (0, kafka_codec_1.decodeValue)(value, 'reject'), `${value === null ? 'null' : value.toString('hex')} is refused`);
        }
        strict_1.default.deepEqual((0, kafka_codec_1.decodeValue)(Buffer.from('{"n":42}'), 'reject'), { n: 42 });
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.from('"quoted"'), 'reject'), 'quoted');
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.from(' 42 '), 'reject'), 42);
        strict_1.default.equal((0, kafka_codec_1.decodeValue)(Buffer.from('null'), 'reject'), null);
        strict_1.default.throws(() => (0, kafka_codec_1.decodeValue)(Buffer.concat([Buffer.from('"'), Buffer.from([0xff]), Buffer.from('"')]), 'reject'), /not valid UTF-8/);
    });
    (0, node_test_1.it)('the packet decoder applies nonJsonValues', async () => {
        const message = { recordValue: Buffer.from('plain text'), topic: 't', correlationId: undefined };
        const deserializer = { deserialize: (value) => value };
        strict_1.default.equal((await (0, kafka_codec_1.kafkaPacketDecoder)(false)(message, deserializer)).data, 'plain text');
        await strict_1.default.rejects(async () => (0, kafka_codec_1.kafkaPacketDecoder)(false, 'reject')(message, deserializer), SyntaxError);
    });
    (0, node_test_1.it)('encodes like Nest: objects as JSON, strings as they are, nothing as null', () => {
        strict_1.default.equal((0, kafka_codec_1.encodeValue)({ n: 1 }), '{"n":1}');
        strict_1.default.equal((0, kafka_codec_1.encodeValue)('ok:42'), 'ok:42');
        strict_1.default.equal((0, kafka_codec_1.encodeValue)(undefined), null);
    });
});
(0, node_test_1.describe)('Kafka headers', () => {
    (0, node_test_1.it)('decodes header values to strings', () => {
        strict_1.default.deepEqual((0, kafka_headers_1.headersToStrings)({ a: Buffer.from('x'), b: 'y', c: [Buffer.from('1'), Buffer.from('2')], d: undefined }), { a: 'x', b: 'y', c: '2' });
    });
    (0, node_test_1.it)('keeps original header bytes on a dead letter and lets x-dead-letter-* win', () => {
        const original = { bin: Buffer.from([0xff, 0x00]), 'x-dead-letter-reason': Buffer.from('old') };
        const merged = (0, kafka_headers_1.mergeDeadLetterHeaders)(original, (0, kafka_headers_1.headersToStrings)(original), { bin: (0, kafka_headers_1.headersToStrings)(original).bin, 'x-dead-letter-reason': 'handler-error' });
        strict_1.default.deepEqual(merged.bin, Buffer.from([0xff, 0x00]));
        strict_1.default.equal(merged['x-dead-letter-reason'], 'handler-error');
    });
});
(0, node_test_1.describe)('KafkaAckServer options', () => {
    (0, node_test_1.it)('requires groupId, naming the option', () => {
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({}), /groupId/);
    });
    (0, node_test_1.it)('names the option and the allowed values of a wrong one', () => {
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', brokers: ['nohost'] }), /brokers .*host:port/);
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', commitInterval: -1 }), /commitInterval -1; allowed: an integer >= 0/);
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', heartbeatInterval: 5000, sessionTimeout: 3000 }), /heartbeatInterval .*below sessionTimeout/);
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', deadLetterTopic: 'bad topic' }), /deadLetterTopic/);
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', createTopics: { numPartitions: 0 } }), /createTopics.numPartitions/);
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', nonJsonValues: 'drop' }), { name: 'InvalidOptionError', message: /nonJsonValues "drop"; allowed: 'pass' or 'reject'/ });
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', ordering: 'offset' }), { name: 'InvalidOptionError', message: /ordering "offset"; allowed: 'partition', 'key' or 'none'/ });
        strict_1.default.throws(() => (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', maxUncommittedPerPartition: 0 }), /maxUncommittedPerPartition 0; allowed: an integer >= 1/);
    });
    (0, node_test_1.it)('applies the documented defaults', () => {
        const settings = (0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g' });
        strict_1.default.deepEqual(settings.brokers, ['127.0.0.1:9092']);
        strict_1.default.equal(settings.commitInterval, 100);
        strict_1.default.equal(settings.commitEveryN, 100);
        strict_1.default.equal(settings.fromBeginning, false);
        strict_1.default.equal(settings.createTopics, false);
        strict_1.default.equal(settings.nonJsonValues, 'pass');
        strict_1.default.equal(settings.ordering, 'partition');
        strict_1.default.equal(settings.maxUncommittedPerPartition, 1000);
        strict_1.default.equal(settings.deadLetterTopic && settings.deadLetterTopic('orders'), 'orders.dlt');
        strict_1.default.equal((0, kafka_settings_1.resolveKafkaSettings)({ groupId: 'g', deadLetterTopic: false }).deadLetterTopic, false);
    });
});
(0, node_test_1.describe)('KafkaAckClient options', () => {
    (0, node_test_1.it)('names a wrong option and the allowed values', () => {
        strict_1.default.throws(() => new kafka_1.KafkaAckClient({ brokers: [] }), /brokers \[\]; allowed: a non-empty array of "host:port"/);
        strict_1.default.throws(() => new kafka_1.KafkaAckClient({ replyTopic: 'no spaces allowed' }), /replyTopic/);
    });
});
//# sourceMappingURL=kafka-codec.test.js.map