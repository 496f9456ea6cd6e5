/** `nestjs-ack/rabbitmq`: the RabbitMQ transport (needs the `amqplib` peer dependency). */
export { RabbitAckServer } from './rabbit-ack.server';
export type { RabbitAckServerOptions, RabbitDeadLetterOptions } from './rabbit-ack-server-options';
export { RabbitAckClient } from './rabbit-ack.client';
export type { RabbitAckClientOptions } from './rabbit-ack-client-options';
export { RabbitAckContext } from './rabbit-context';
export type { RabbitMessage, RabbitSession } from './rabbit-message';
export type { RabbitReconnectOptions } from './rabbit-reconnect';
export { DEFAULT_RABBIT_URL } from './rabbit-url';
export { PRIOR_DELIVERIES_HEADER, deliveryCountOf } from './rabbit-delivery-count';
