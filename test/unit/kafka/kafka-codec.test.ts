import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaAckClient } from '../../../lib/kafka';
import { decodeValue, encodeValue } from '../../../lib/kafka/kafka-codec';
import { headersToStrings, mergeDeadLetterHeaders } from '../../../lib/kafka/kafka-headers';
import { resolveKafkaSettings } from '../../../lib/kafka/kafka-settings';

describe('Kafka value codec (as Nest reads Kafka values)', () => {
  it('decodes JSON objects and arrays, and refuses broken JSON', () => {
    assert.deepEqual(decodeValue(Buffer.from('{"n":42}')), { n: 42 });
    assert.deepEqual(decodeValue(Buffer.from('[1,2]')), [1, 2]);
    assert.throws(() => decodeValue(Buffer.from('{"n":42, this is not json')));
  });

  it('keeps plain strings (Nest ClientKafka.emit of a string), numbers, tombstones and binary framing', () => {
    assert.equal(decodeValue(Buffer.from('hello')), 'hello');
    assert.equal(decodeValue(Buffer.from('42')), 42);
    assert.equal(decodeValue(null), null);
    const framed = Buffer.from([0, 1, 2]);
    assert.equal(decodeValue(framed), framed);
  });

  it('encodes like Nest: objects as JSON, strings as they are, nothing as null', () => {
    assert.equal(encodeValue({ n: 1 }), '{"n":1}');
    assert.equal(encodeValue('ok:42'), 'ok:42');
    assert.equal(encodeValue(undefined), null);
  });
});

describe('Kafka headers', () => {
  it('decodes header values to strings', () => {
    assert.deepEqual(headersToStrings({ a: Buffer.from('x'), b: 'y', c: [Buffer.from('1'), Buffer.from('2')], d: undefined }), { a: 'x', b: 'y', c: '2' });
  });

  it('keeps original header bytes on a dead letter and lets x-dead-letter-* win', () => {
    const original = { bin: Buffer.from([0xff, 0x00]), 'x-dead-letter-reason': Buffer.from('old') };
    const merged = mergeDeadLetterHeaders(original, headersToStrings(original), { bin: headersToStrings(original).bin, 'x-dead-letter-reason': 'handler-error' });
    assert.deepEqual(merged.bin, Buffer.from([0xff, 0x00]));
    assert.equal(merged['x-dead-letter-reason'], 'handler-error');
  });
});

describe('KafkaAckServer options', () => {
  it('requires groupId, naming the option', () => {
    assert.throws(() => resolveKafkaSettings({} as never), /groupId/);
  });

  it('names the option and the allowed values of a wrong one', () => {
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', brokers: ['nohost'] }), /brokers .*host:port/);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', commitInterval: -1 }), /commitInterval -1; allowed: an integer >= 0/);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', heartbeatInterval: 5000, sessionTimeout: 3000 }), /heartbeatInterval .*below sessionTimeout/);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', deadLetterTopic: 'bad topic' }), /deadLetterTopic/);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', createTopics: { numPartitions: 0 } }), /createTopics.numPartitions/);
  });

  it('applies the documented defaults', () => {
    const settings = resolveKafkaSettings({ groupId: 'g' });
    assert.deepEqual(settings.brokers, ['127.0.0.1:9092']);
    assert.equal(settings.commitInterval, 100);
    assert.equal(settings.commitEveryN, 100);
    assert.equal(settings.fromBeginning, false);
    assert.equal(settings.createTopics, false);
    assert.equal(settings.deadLetterTopic && settings.deadLetterTopic('orders'), 'orders.dlt');
    assert.equal(resolveKafkaSettings({ groupId: 'g', deadLetterTopic: false }).deadLetterTopic, false);
  });
});

describe('KafkaAckClient options', () => {
  it('names a wrong option and the allowed values', () => {
    assert.throws(() => new KafkaAckClient({ brokers: [] }), /brokers \[\]; allowed: a non-empty array of "host:port"/);
    assert.throws(() => new KafkaAckClient({ replyTopic: 'no spaces allowed' }), /replyTopic/);
  });
});
