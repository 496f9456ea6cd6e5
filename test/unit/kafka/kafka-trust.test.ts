import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidOptionError } from '../../../lib/core';
import { KafkaAckServer } from '../../../lib/kafka';
import { recordBytes, toKafkaMessage } from '../../../lib/kafka/kafka-message';
import { OffsetTracker } from '../../../lib/kafka/offset-tracker';
import { KafkaReplyAddresses } from '../../../lib/kafka/kafka-reply-addresses';
import { resolveKafkaSettings } from '../../../lib/kafka/kafka-settings';

describe('Kafka reply topics a request may name (replyAddresses)', () => {
  it('by default: <its own topic>.reply (Nest ClientKafka) and nestjs-ack.replies.* (KafkaAckClient), nothing else', () => {
    const addresses = new KafkaReplyAddresses(undefined);
    assert.equal(addresses.accepts('orders.reply', 'orders'), true);
    assert.equal(addresses.accepts('nestjs-ack.replies.4f1c', 'orders'), true);
    assert.equal(addresses.accepts('payments.reply', 'orders'), false, "another pattern's reply topic");
    assert.equal(addresses.accepts('orders', 'orders'), false, 'the request topic itself');
    assert.equal(addresses.accepts('orders.dlt', 'orders'), false);
    assert.equal(addresses.accepts('__consumer_offsets', 'orders'), false);
    assert.equal(addresses.accepts('nestjs-ack.replies.', 'orders'), false, 'the bare prefix');
    assert.equal(addresses.accepts('nestjs-ack.replies.a b', 'orders'), false, 'not a topic name');
    assert.equal(addresses.accepts('nestjs-ack.replies.é', 'orders'), false, 'not a topic name');
  });

  it('<topic>.reply longer than a topic name may be is refused', () => {
    const topic = 'a'.repeat(249);
    assert.equal(new KafkaReplyAddresses(undefined).accepts(`${topic}.reply`, topic), false);
  });

  it('given prefixes / names replace the default list; patternReplyTopics stays on unless false', () => {
    const named = new KafkaReplyAddresses({ names: ['billing.replies'] });
    assert.equal(named.accepts('billing.replies', 'orders'), true);
    assert.equal(named.accepts('nestjs-ack.replies.4f1c', 'orders'), false);
    assert.equal(named.accepts('orders.reply', 'orders'), true);
    const strict = new KafkaReplyAddresses({ prefixes: ['replies.'], patternReplyTopics: false });
    assert.equal(strict.accepts('orders.reply', 'orders'), false);
    assert.equal(strict.accepts('replies.1', 'orders'), true);
  });

  it('a wrong entry fails at construction, naming the option', () => {
    assert.throws(() => new KafkaAckServer({ groupId: 'g', replyAddresses: { names: ['has space'] } }), (error: Error) => error instanceof InvalidOptionError && error.code === 'ACK_INVALID_OPTION' && /replyAddresses\.names/.test(error.message));
    assert.throws(() => new KafkaAckServer({ groupId: 'g', replyAddresses: { prefixes: ['bad*'] } }), /replyAddresses\.prefixes/);
    assert.throws(() => new KafkaAckServer({ groupId: 'g', replyAddresses: { patternReplyTopics: 'yes' as never } }), /replyAddresses\.patternReplyTopics/);
  });
});

describe('Kafka reply partition header', () => {
  it('kafka_replyPartition is used only as an int32 partition number; anything else leaves the choice to the producer', () => {
    const from = { topic: 't', partition: 0, tracker: new OffsetTracker(), nack: () => undefined };
    const partitionOf = (value: string) => toKafkaMessage({ value: null, key: null, headers: { kafka_replyPartition: value }, offset: '0', timestamp: '0', attributes: 0, size: 0 } as never, from, 1).replyPartition;
    assert.equal(partitionOf('3'), 3);
    assert.equal(partitionOf('2147483647'), 2147483647);
    for (const value of ['2147483648', '99999999999999999999', '-1', '1e3', ' 1', '']) assert.equal(partitionOf(value), undefined, value);
  });
});

describe('Kafka record size (maxMessageBytes) and fetch sizes', () => {
  it('counts value, key, header names and every header value', () => {
    const record = {
      value: Buffer.from('{"n":1}'),
      key: Buffer.from('key'),
      headers: { a: Buffer.from('12345'), bb: ['x', Buffer.from('yz')], c: undefined },
      offset: '0',
      timestamp: '0',
      attributes: 0,
      size: 0,
    };
    assert.equal(recordBytes(record as never), 7 + 3 + (1 + 5) + (2 + 1 + 2) + 1);
    assert.equal(recordBytes({ value: null, key: null, offset: '0', timestamp: '0', attributes: 0, size: 0 } as never), 0);
  });

  it('fetch sizes default to kafkajs 1 MiB per partition, 10 MiB per fetch; maxBytes may not be below maxBytesPerPartition', () => {
    const settings = resolveKafkaSettings({ groupId: 'g' });
    assert.equal(settings.maxBytesPerPartition, 1_048_576);
    assert.equal(settings.maxBytes, 10_485_760);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', maxBytesPerPartition: 2_000_000, maxBytes: 1_000_000 }), /maxBytes.*maxBytesPerPartition/);
    assert.throws(() => resolveKafkaSettings({ groupId: 'g', maxBytesPerPartition: 0 }), /maxBytesPerPartition/);
  });
});
