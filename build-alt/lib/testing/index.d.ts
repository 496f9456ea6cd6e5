import 'reflect-metadata';
export { InMemoryAckClient, type InMemoryAckClientOptions } from './in-memory-ack.client';
export { IN_MEMORY_TRANSPORT, InMemoryAckServer } from './in-memory-ack.server';
export type { InMemoryMessage } from './in-memory-message';
export type { InMemoryAckServerOptions } from './in-memory-ack-server-options';
export { InMemoryBroker, type BrokerEvent, type QueueState, type StoredMessage } from './in-memory-broker';
