import type { WritePacket } from '@nestjs/microservices';
import { Partitioners, type IHeaders, type Kafka, type Message, type Producer, type RetryOptions } from 'kafkajs';
import type { ReplyPublisher } from '../core/broker-commands';
import { DeliveryGoneError, safeStringify } from '../core/errors';
import { encodeValue } from './kafka-codec';
import { kafkaPublishFailure } from './kafka-errors';
import { KafkaReplyHeaders } from './kafka-headers';
import type { KafkaMessage } from './kafka-message';
import type { KafkaReplyAddresses } from './kafka-reply-addresses';
import { assertTopicName } from './kafka-settings';

/**
 * A failed reply send is tried this many more times (kafkajs's default is 5,
 * about 14 s for a topic that does not exist). The handler already completed,
 * and the request's partition waits for the reply: a lost reply is reported
 * within about a second instead (a forged `<topic>.reply` naming a missing
 * topic would otherwise hold the partition that long per message).
 */
const REPLY_RETRIES = 2;

/**
 * Sends replies of `KafkaAckServer` requests to their `kafka_replyTopic` (and
 * `kafka_replyPartition`), acks=-1, with a producer of its own that never asks
 * the broker to create a topic (`allowAutoTopicCreation: false`): a reply
 * address is read from the request, and must not create topics on a broker
 * with `auto.create.topics.enable`. The dead-letter producer keeps the broker's
 * auto-creation (docs/kafka.md, "Dead letters").
 */
export class KafkaReplies implements ReplyPublisher<KafkaMessage> {
  private producer: Producer | undefined;

  constructor(private readonly addresses: KafkaReplyAddresses) {}

  /** Only topics of the allow-list, or `<topic>.reply` of the request's own topic (`KafkaReplyAddresses`). */
  acceptsReplyAddress(replyTo: string, message: KafkaMessage): boolean {
    return this.addresses.accepts(replyTo, message.topic);
  }

  /** Creates and connects the reply producer (the cluster's `retry`, with at most `REPLY_RETRIES` retries). */
  async connect(kafka: Kafka, retry: RetryOptions | undefined): Promise<void> {
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      retry: { ...retry, retries: Math.min(retry?.retries ?? REPLY_RETRIES, REPLY_RETRIES) },
    });
    this.producer = producer;
    await producer.connect();
  }

  /** Disconnects the reply producer; a reply after this throws `DeliveryGoneError`. */
  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }

  async publishReply(message: KafkaMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    if (!this.producer) throw new DeliveryGoneError('the Kafka producer is closed');
    // Checked by acceptsReplyAddress already; again here because kafkajs keeps every topic a producer
    // sent to in its metadata requests, and an invalid name would make all of them fail.
    assertTopicName(replyTo, 'reply topic (header kafka_replyTopic)');
    await this.producer.send({ topic: replyTo, acks: -1, messages: [replyRecord(packet, message.correlationId ?? packet.id, message.replyPartition)] }).catch((error) => {
      throw kafkaPublishFailure(error);
    });
  }
}

/** A reply record in the format of Nest's Kafka transport: the response as the value, the packet's flags as headers. */
export function replyRecord(packet: WritePacket & { id: string }, correlationId: string, partition?: number): Message {
  const headers: IHeaders = { [KafkaReplyHeaders.CORRELATION_ID]: correlationId };
  if (packet.err !== undefined && packet.err !== null) headers[KafkaReplyHeaders.NEST_ERR] = errorText(packet.err);
  if (packet.isDisposed) headers[KafkaReplyHeaders.NEST_IS_DISPOSED] = Buffer.alloc(1);
  const record: Message = { value: encodeValue(packet.response), headers };
  if (partition !== undefined) record.partition = partition;
  return record;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return JSON.stringify({ name: err.name, message: err.message });
  return typeof err === 'object' ? safeStringify(err) : String(err);
}
