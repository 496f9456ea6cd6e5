// Nest's decorators need the Reflect metadata API before any of them runs.
import 'reflect-metadata';
export { InMemoryAckClient, type InMemoryAckClientOptions } from './in-memory-ack.client';
export { InMemoryAckServer, type InMemoryMessage } from './in-memory-ack.server';
export type { InMemoryAckServerOptions } from './in-memory-ack-server-options';
export { InMemoryBroker, type BrokerEvent, type QueueState, type StoredMessage } from './in-memory-broker';
