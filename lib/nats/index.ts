/** `nestjs-ack/nats`: the NATS JetStream transport (needs the `@nats-io/transport-node` and `@nats-io/jetstream` peer dependencies). */
export { NatsAckServer, NATS_TRANSPORT } from './nats-ack.server';
export type { NatsAckServerOptions, NatsDeadLetterOptions } from './nats-ack-server-options';
export { NatsAckClient } from './nats-ack.client';
export type { NatsAckClientOptions } from './nats-ack-client-options';
export { NatsAckContext } from './nats-context';
export type { NatsMessage } from './nats-message';
export { NatsCommands } from './nats-commands';
export { NatsConsumerConfigError, NatsMissingResourceError } from './nats-errors';
export { REPLY_TO_HEADER } from './nats-headers';
export { DEFAULT_CONSUMER, DEFAULT_NATS_SERVERS } from './nats-settings';
export { perSubjectName, planConsumers, type ConsumerPlan } from './nats-topology';
