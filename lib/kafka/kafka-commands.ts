import type { Producer } from 'kafkajs';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';
import { DeliveryGoneError } from '../core/errors';
import type { CommitCoalescer } from './commit-coalescer';
import { mergeDeadLetterHeaders } from './kafka-headers';
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
export class KafkaCommands implements BrokerCommands<KafkaMessage> {
  private producer: Producer | undefined;

  constructor(
    private readonly coalescer: CommitCoalescer,
    private readonly deadLetterTopic: ((topic: string) => string) | undefined,
  ) {}

  /** Produces dead letters with `producer` from now on (`undefined`: a reject throws). */
  use(producer: Producer | undefined): void {
    this.producer = producer;
  }

  /** Synchronous unless `durable`: marking the offset is the whole ack, the commit follows. */
  ack(message: KafkaMessage, { durable }: AckOptions): Promise<void> | void {
    this.settled(message);
    // ACK_FIRST: commit now, or a crash during the handler would deliver it again.
    if (durable) return this.coalescer.flush();
  }

  async nack(message: KafkaMessage, delayMs: number): Promise<void> {
    this.assertOwned(message);
    message.redelivery.nack(Number(message.offset), delayMs);
  }

  async reject(message: KafkaMessage, record: DeadLetterRecord): Promise<void> {
    const topic = this.deadLetterTopic?.(message.topic);
    if (topic) {
      if (!this.producer) throw new DeliveryGoneError('the Kafka producer is closed');
      const headers = mergeDeadLetterHeaders(message.rawHeaders, message.headers, deadLetterHeaders(record));
      await this.producer.send({ topic, acks: -1, messages: [{ key: message.recordKey, value: message.recordValue, headers }] });
    }
    // The dead letter is written; a partition given up meanwhile is read again by its new owner (a duplicate, no loss).
    if (message.tracker.owned) this.settled(message);
  }

  /**
   * Marks the message settled and hands its partition's offset to commit to the
   * coalescer. Throws when the partition went to another consumer meanwhile (the
   * settle call then resolves false): the new owner reads the message again from
   * the last commit.
   */
  private settled(message: KafkaMessage): void {
    this.assertOwned(message);
    const committable = message.tracker.settle(Number(message.offset));
    this.coalescer.settled(message.topic, message.partition, committable);
  }

  private assertOwned(message: KafkaMessage): void {
    if (!message.tracker.owned) {
      throw new DeliveryGoneError(`partition ${message.topic}/${message.partition} was given to another consumer, which reads the message again from the last commit`);
    }
  }
}
