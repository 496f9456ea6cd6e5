import type { IHeaders, KafkaMessage as KafkaRecord } from 'kafkajs';
import type { InboundMessage } from '../core/inbound-message';
import { headersToStrings, KafkaReplyHeaders } from './kafka-headers';
import type { OffsetTracker } from './offset-tracker';

/**
 * Brings a nacked delivery back after its delay: the partition's worker
 * (under `ordering: 'partition'` by pausing and seeking the partition back,
 * under `'key'` / `'none'` from memory while other keys flow).
 */
export interface Redelivery {
  nack(offset: number, delayMs: number): void;
}

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
  /** The partition's offsets: an ack or reject marks the offset settled there (while the partition is still ours). */
  readonly tracker: OffsetTracker;
  /** The partition's worker: a nack brings the message back through it. */
  readonly redelivery: Redelivery;
}

/** The partition a record was fetched from: its offset tracker, and its worker, which brings nacked records back. */
export interface FetchedFrom extends Redelivery {
  readonly topic: string;
  readonly partition: number;
  readonly tracker: OffsetTracker;
}

/** Builds the delivery of a fetched record; `deliveryCount` as counted by `from.tracker.deliver`. */
export function toKafkaMessage(record: KafkaRecord, from: FetchedFrom, deliveryCount: number): KafkaMessage {
  return new FetchedRecord(record, from, deliveryCount);
}

/**
 * A class rather than an object literal: its `key` getter lives on the
 * prototype, and a literal with a getter is built by V8's slow path, on
 * every record.
 */
class FetchedRecord implements KafkaMessage {
  readonly body: Buffer;
  readonly recordValue: Buffer | null;
  readonly headers: Record<string, string>;
  readonly source: { topic: string; partition: number; offset: number };
  readonly pattern: string;
  readonly replyTo: string | undefined;
  readonly size: number;
  readonly correlationId: string | undefined;
  readonly replyPartition: number | undefined;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly recordKey: Buffer | null;
  readonly rawHeaders: IHeaders;
  readonly timestamp: string;
  readonly tracker: OffsetTracker;

  constructor(
    record: KafkaRecord,
    readonly redelivery: FetchedFrom,
    readonly deliveryCount: number,
  ) {
    const { topic, partition, tracker } = redelivery;
    const headers = headersToStrings(record.headers);
    const replyPartition = headers[KafkaReplyHeaders.REPLY_PARTITION];
    this.body = record.value ?? EMPTY;
    this.size = recordBytes(record);
    this.recordValue = record.value;
    this.headers = headers;
    this.source = { topic, partition, offset: Number(record.offset) };
    this.pattern = topic;
    this.replyTo = headers[KafkaReplyHeaders.REPLY_TOPIC];
    this.correlationId = headers[KafkaReplyHeaders.CORRELATION_ID];
    this.replyPartition = replyPartition !== undefined ? partitionNumber(replyPartition) : undefined;
    this.topic = topic;
    this.partition = partition;
    this.offset = record.offset;
    this.recordKey = record.key;
    this.rawHeaders = record.headers ?? {};
    this.timestamp = record.timestamp;
    this.tracker = tracker;
  }

  /** Only failures need it (first-failure times): built on first use. */
  get key(): string {
    return `${this.topic}/${this.partition}/${this.offset}`;
  }
}

const EMPTY = Buffer.alloc(0);

/** Kafka's partition numbers are int32. */
const MAX_PARTITION = 2_147_483_647;

/** A `kafka_replyPartition` header as a partition number; anything else (not digits, beyond int32) is ignored: the producer picks the partition. */
function partitionNumber(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const partition = Number(text);
  return partition <= MAX_PARTITION ? partition : undefined;
}

/**
 * The record's size as fetched, for `maxMessageBytes`: value, key, and every
 * header name and value (repeated headers each count). kafkajs hands over the
 * whole record batch decoded, so this is the earliest point; it runs before
 * the value is decoded.
 */
export function recordBytes(record: KafkaRecord): number {
  let size = (record.value?.length ?? 0) + (record.key?.length ?? 0);
  const headers = record.headers;
  if (headers) {
    for (const name in headers) {
      size += Buffer.byteLength(name);
      const value = headers[name];
      if (Array.isArray(value)) for (const item of value) size += valueBytes(item);
      else size += valueBytes(value);
    }
  }
  return size;
}

function valueBytes(value: Buffer | string | undefined): number {
  if (value === undefined || value === null) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
