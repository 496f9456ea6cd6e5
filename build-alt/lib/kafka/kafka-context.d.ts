import type { IHeaders } from 'kafkajs';
import { AckContext } from '../core/ack-context';
import type { KafkaMessage } from './kafka-message';
/** The context of `KafkaAckServer` handlers: the common one plus the record's Kafka facts (read-only; settle through the context). */
export declare class KafkaAckContext extends AckContext<KafkaMessage> {
    /** The topic the record was read from (also the pattern). */
    getTopic(): string;
    /** The record's partition. */
    getPartition(): number;
    /** The record's offset, as a string (Kafka offsets are 64-bit). */
    getOffset(): string;
    /** The record's key, as fetched. */
    getKey(): Buffer | null;
    /** The record's headers as fetched (Buffers); `getHeaders()` has them as strings. */
    getRawHeaders(): IHeaders;
    /** The record's timestamp (ms since epoch, as a string). */
    getTimestamp(): string;
}
