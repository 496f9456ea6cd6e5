import type { WritePacket } from '@nestjs/microservices';
import type { Message, Producer } from 'kafkajs';
import type { ReplyPublisher } from '../core/broker-commands';
import type { KafkaMessage } from './kafka-message';
/** Sends replies of `KafkaAckServer` requests to their `kafka_replyTopic` (and `kafka_replyPartition`), acks=-1. */
export declare class KafkaReplies implements ReplyPublisher<KafkaMessage> {
    private producer;
    /** Sends with `producer` from now on (`undefined`: a reply throws). */
    use(producer: Producer | undefined): void;
    publishReply(message: KafkaMessage, replyTo: string, packet: WritePacket & {
        id: string;
    }): Promise<void>;
}
/** A reply record in the format of Nest's Kafka transport: the response as the value, the packet's flags as headers. */
export declare function replyRecord(packet: WritePacket & {
    id: string;
}, correlationId: string, partition?: number): Message;
