import type { WritePacket } from '@nestjs/microservices';
import type { IHeaders, Message, Producer } from 'kafkajs';
import type { ReplyPublisher } from '../core/broker-commands';
import { DeliveryGoneError } from '../core/errors';
import { encodeValue } from './kafka-codec';
import { KafkaReplyHeaders } from './kafka-headers';
import type { KafkaMessage } from './kafka-message';
import { assertTopicName } from './kafka-settings';

/** Sends replies of `KafkaAckServer` requests to their `kafka_replyTopic` (and `kafka_replyPartition`), acks=-1. */
export class KafkaReplies implements ReplyPublisher<KafkaMessage> {
  private producer: Producer | undefined;

  /** Sends with `producer` from now on (`undefined`: a reply throws). */
  use(producer: Producer | undefined): void {
    this.producer = producer;
  }

  async publishReply(message: KafkaMessage, replyTo: string, packet: WritePacket & { id: string }): Promise<void> {
    if (!this.producer) throw new DeliveryGoneError('the Kafka producer is closed');
    // The reply topic comes from the request's header. kafkajs keeps every topic a producer sent to in
    // its metadata requests, and an invalid name makes all of them fail (the next dead letter of an
    // unrelated message was refused): refuse the name before the producer sees it.
    assertTopicName(replyTo, 'reply topic (header kafka_replyTopic)');
    await this.producer.send({ topic: replyTo, acks: -1, messages: [replyRecord(packet, message.correlationId ?? packet.id, message.replyPartition)] });
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
  if (typeof err === 'object') {
    try {
      return JSON.stringify(err);
    } catch {
      return String(err);
    }
  }
  return String(err);
}
