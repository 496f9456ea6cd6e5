import type { WritePacket } from '@nestjs/microservices';
import type { IHeaders, Message } from 'kafkajs';
import { encodeValue } from './kafka-codec';
import { KafkaReplyHeaders } from './kafka-headers';

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
