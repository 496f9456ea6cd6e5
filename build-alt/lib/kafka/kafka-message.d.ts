import type { IHeaders, KafkaMessage as KafkaRecord } from 'kafkajs';
import type { InboundMessage } from '../core/inbound-message';
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
export declare function toKafkaMessage(record: KafkaRecord, from: FetchedFrom, deliveryCount: number): KafkaMessage;
