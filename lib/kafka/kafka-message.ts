import type { IHeaders, KafkaMessage as KafkaRecord } from 'kafkajs';
import type { InboundMessage } from '../core/inbound-message';
import type { DeliveryCounter } from './delivery-counter';
import { headersToStrings, KafkaReplyHeaders } from './kafka-headers';

/** A delivery of `KafkaAckServer`: where it came from and the record as fetched. */
export interface KafkaMessage extends InboundMessage {
  topic: string;
  partition: number;
  /** The record's offset (kafkajs gives it as a string). */
  offset: string;
  /** The record's value as fetched; null for a tombstone (`body` is then empty). */
  recordValue: Buffer | null;
  /** The record's key, as fetched. */
  recordKey: Buffer | null;
  /** The record's headers, as fetched (Buffers). */
  rawHeaders: IHeaders;
  /** The record's timestamp (ms since epoch, as a string). */
  timestamp: string;
  /** Partition to send a request's reply to (`kafka_replyPartition`), when the client asked for one. */
  replyPartition?: number;
  /** The partition worker that delivered it: settlements only count while it still owns the partition. */
  readonly owner: { topic: string; partition: number };
}

/** Builds the delivery of a fetched record, counting the delivery. */
export function toKafkaMessage(owner: { topic: string; partition: number }, record: KafkaRecord, deliveries: DeliveryCounter): KafkaMessage {
  const { topic, partition } = owner;
  const offset = Number(record.offset);
  const headers = headersToStrings(record.headers);
  const replyPartition = headers[KafkaReplyHeaders.REPLY_PARTITION];
  return {
    body: record.value ?? Buffer.alloc(0),
    recordValue: record.value,
    headers,
    deliveryCount: deliveries.next(topic, partition, offset),
    source: { topic, partition, offset },
    key: `${topic}/${partition}/${offset}`,
    pattern: topic,
    replyTo: headers[KafkaReplyHeaders.REPLY_TOPIC],
    correlationId: headers[KafkaReplyHeaders.CORRELATION_ID],
    replyPartition: replyPartition !== undefined && /^\d+$/.test(replyPartition) ? Number(replyPartition) : undefined,
    topic,
    partition,
    offset: record.offset,
    recordKey: record.key,
    rawHeaders: record.headers ?? {},
    timestamp: record.timestamp,
    owner,
  };
}
