import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KafkaAckClient } from '../../../lib/kafka';
import { UndecodableMessageError } from '../../../lib/core/errors';
import { decodeValue, encodeValue, kafkaPacketDecoder } from '../../../lib/kafka/kafka-codec';
import { headersToStrings, mergeDeadLetterHeaders } from '../../../lib/kafka/kafka-headers';
import { resolveKafkaSettings } from '../../../lib/kafka/kafka-settings';

describe('Kafka value codec (as Nest reads Kafka values)', () => {
  it('decodes JSON objects and arrays, and refuses broken JSON', () => {
    assert.deepEqual(decodeValue(Buffer.from('{"n":42}')), { n: 42 });
    assert.deepEqual(decodeValue(Buffer.from('[1,2]')), [1, 2]);
    assert.throws(() => decodeValue(Buffer.from('{"n":42, this is not json')), { name: 'UndecodableMessageError', code: 'ACK_UNDECODABLE_MESSAGE' });
  });

  it('keeps plain strings (Nest ClientKafka.emit of a string), numbers, tombstones and binary framing', () => {
    assert.equal(decodeValue(Buffer.from('hello')), 'hello');
    assert.equal(decodeValue(Buffer.from('42')), 42);
    assert.equal(decodeValue(null), null);
    const framed = Buffer.from([0, 1, 2]);
    assert.equal(decodeValue(framed), framed);
  });

  it('passes empty values as \'\' and tombstones as null', () => {
    assert.equal(decodeValue(Buffer.alloc(0)), '');
    assert.equal(decodeValue(null), null);
  });

  it('refuses invalid UTF-8, inside JSON or in plain text, instead of replacing it', () => {
    assert.throws(() => decodeValue(Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])), /not valid UTF-8/);
    assert.throws(() => decodeValue(Buffer.from([0x68, 0xff])), /not valid UTF-8/);
  });

  it("nonJsonValues 'reject' refuses everything that is not a JSON text, and decodes JSON as 'pass' does", () => {
    for (const value of [Buffer.from('hello'), Buffer.alloc(0), null, Buffer.from([0, 1, 2]), Buffer.from('{"n":1, broken')]) {
      assert.throws(() => decodeValue(value, 'reject'), { code: 'ACK_UNDECODABLE_MESSAGE' }, `${value === null ? 'null' : value.toString('hex')} is refused`);
    }
    assert.deepEqual(decodeValue(Buffer.from('{"n":42}'), 'reject'), { n: 42 });
    assert.equal(decodeValue(Buffer.from('"quoted"'), 'reject'), 'quoted');
    assert.equal(decodeValue(Buffer.from(' 42 '), 'reject'), 42);
    assert.equal(decodeValue(Buffer.from('null'), 'reject'), null);
    assert.throws(() => decodeValue(Buffer.concat([Buffer.from('"'), Buffer.from([0xff]), Buffer.from('"')]), 'reject'), /not valid UTF-8/);
  });

  it('the packet decoder applies nonJsonValues', async () => {
    const message = { recordValue: Buffer.from('plain text'), topic: 't', correlationId: undefined } as never;
    const deserializer = { deserialize: (value: unknown) => value } as never;
    assert.equal((await kafkaPacketDecoder(false)(message, deserializer)).data, 'plain text');
    await assert.rejects(async () => kafkaPacketDecoder(false, 'reject')(message, deserializer), (error: UndecodableMessageError) => {
      assert.ok(error instanceof UndecodableMessageError);
      assert.equal(error.code, 'ACK_UNDECODABLE_MESSAGE');
      assert.ok(!error.message.includes('plain text'), 'the value is not quoted in the message');
      return true;
    });
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
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', nonJsonValues: 'drop' as never }), { name: 'InvalidOptionError', code: 'ACK_INVALID_OPTION', message: /nonJsonValues "drop"; allowed: 'pass' or 'reject'/ });
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', ordering: 'offset' as never }), { name: 'InvalidOptionError', code: 'ACK_INVALID_OPTION', message: /ordering "offset"; allowed: 'partition', 'key' or 'none'/ });
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', maxUncommittedPerPartition: 0 }), /maxUncommittedPerPartition 0; allowed: an integer >= 1/);
  });

  it('applies the documented defaults', () => {
    const settings = resolveKafkaSettings({ groupId: 'g' });
    assert.deepEqual(settings.brokers, ['127.0.0.1:9092']);
    assert.equal(settings.commitInterval, 100);
    assert.equal(settings.commitEveryN, 100);
    assert.equal(settings.fromBeginning, false);
    assert.equal(settings.createTopics, false);
    assert.equal(settings.nonJsonValues, 'pass');
    assert.equal(settings.ordering, 'partition');
    assert.equal(settings.maxUncommittedPerPartition, 1000);
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
