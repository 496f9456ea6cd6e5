/** `nestjs-ack/kafka`: the Kafka transport (needs the `kafkajs` peer dependency). */
export { KafkaAckServer } from './kafka-ack.server';
export type { KafkaAckServerOptions, KafkaOrdering, KafkaReplyAddressOptions, KafkaTopicCreation } from './kafka-ack-server-options';
export { KafkaAckClient } from './kafka-ack.client';
export type { KafkaAckClientOptions } from './kafka-ack-client-options';
export { KafkaAckContext } from './kafka-context';
export type { KafkaMessage } from './kafka-message';
export { KafkaReplyHeaders } from './kafka-headers';
