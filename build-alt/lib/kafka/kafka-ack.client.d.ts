import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { type Message, type Producer } from 'kafkajs';
import type { KafkaAckClientOptions } from './kafka-ack-client-options';
/**
 * Publishes to Kafka in the format of Nest's Kafka transport (the pattern is
 * the topic, the data the JSON value): `emit()` resolves once the broker
 * stored the record (acks=-1); `send()` adds `kafka_correlationId` and
 * `kafka_replyTopic` headers and reads the replies on its reply topic.
 */
export declare class KafkaAckClient extends ClientProxy {
    private readonly options;
    private readonly logger;
    private readonly kafka;
    private readonly replyTopic;
    private readonly ownsReplyTopic;
    private readonly pending;
    private producer?;
    private connecting?;
    private replies?;
    constructor(options?: KafkaAckClientOptions);
    /** Connects the producer (the reply consumer starts at the first `send()`). */
    connect(): Promise<Producer>;
    close(): Promise<void>;
    unwrap<T>(): T;
    /** Produces one record as it is (no encoding) and resolves once the broker stored it. */
    produce(topic: string, record: Message): Promise<void>;
    protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void;
    protected dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T>;
    /** `produce()` with the trace context headers of a telemetry observer, when one is set. */
    private produceObserved;
    private listenForReplies;
    private onReply;
}
