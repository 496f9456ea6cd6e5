import type { Producer } from 'kafkajs';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import { type DeadLetterRecord } from '../core/dead-letter-record';
import type { CommitCoalescer } from './commit-coalescer';
import type { KafkaMessage } from './kafka-message';
/**
 * Kafka has no per-message ack: settling is about which offset is committed.
 * - ack: the offset is marked settled in its partition's tracker, which
 *   returns the partition's offset to commit; the coalescer commits it (at
 *   once for a durable ack: `ACK_FIRST`).
 * - nack: the partition's worker brings the message back after the delay
 *   (`message.redelivery`: under `ordering: 'partition'` the partition pauses,
 *   then re-reads from the offset or from an earlier nacked offset whose
 *   re-read is still due; under `'key'` / `'none'` only its key waits).
 * - reject: the record (value, key, headers) plus the `x-dead-letter-*` headers
 *   is produced to the dead-letter topic (acks=-1), then the offset is settled.
 *   A producer error (the topic refuses the record) throws before settling.
 */
export declare class KafkaCommands implements BrokerCommands<KafkaMessage> {
    private readonly coalescer;
    private readonly deadLetterTopic;
    private producer;
    constructor(coalescer: CommitCoalescer, deadLetterTopic: ((topic: string) => string) | undefined);
    /** Produces dead letters with `producer` from now on (`undefined`: a reject throws). */
    use(producer: Producer | undefined): void;
    ack(message: KafkaMessage, { durable }: AckOptions): Promise<void>;
    nack(message: KafkaMessage, delayMs: number): Promise<void>;
    reject(message: KafkaMessage, record: DeadLetterRecord): Promise<void>;
    /**
     * Marks the message settled and hands its partition's offset to commit to the
     * coalescer. Throws when the partition went to another consumer meanwhile (the
     * settle call then resolves false): the new owner reads the message again from
     * the last commit.
     */
    private settled;
    private assertOwned;
}
