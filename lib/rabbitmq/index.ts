/** `nestjs-ack/rabbitmq`: the RabbitMQ transport (needs the `amqplib` peer dependency). */
export { RabbitAckServer } from './rabbit-ack.server';
export type { RabbitAckServerOptions, RabbitDeadLetterOptions, RabbitSecurityOptions, RabbitTlsOptions } from './rabbit-ack-server-options';
export { RabbitAckClient } from './rabbit-ack.client';
export type { RabbitAckClientOptions } from './rabbit-ack-client-options';
export { RabbitAckContext } from './rabbit-context';
export type { RabbitMessage, RabbitSession } from './rabbit-message';
/** How the server and the client reconnect (the core's `ReconnectOptions`). */
export type { ReconnectOptions as RabbitReconnectOptions } from '../core/reconnect';
export { DEFAULT_RABBIT_URL } from './rabbit-url';
export { PRIOR_DELIVERIES_HEADER, deliveryCountOf } from './rabbit-delivery-count';
export type { DeliveryCountTrust, DeliveryCountFacts } from './rabbit-delivery-count';
export { DIRECT_REPLY_TO } from './rabbit-reply-addresses';
