/** `nestjs-ack/kafka`: the Kafka transport (needs the `kafkajs` peer dependency). */
export { KafkaAckServer } from './kafka-ack.server';
export type { KafkaAckServerOptions, KafkaOrdering } from './kafka-ack-server-options';
export type { KafkaTopicCreation } from './kafka-topic-creation';
export type { KafkaReplyAddressOptions } from './kafka-reply-addresses';
export { KafkaAckClient } from './kafka-ack.client';
export type { KafkaAckClientOptions } from './kafka-ack-client-options';
export { KafkaAckContext } from './kafka-context';
export type { KafkaMessage } from './kafka-message';
export { KafkaReplyHeaders } from './kafka-headers';
