import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import type { BrokerHealth } from '../core/broker-health';
import type { InMemoryAckServerOptions } from './in-memory-ack-server-options';
import type { InMemoryBroker } from './in-memory-broker';
import { InMemoryCommands } from './in-memory-commands';
import { type InMemoryMessage } from './in-memory-message';
/** Identifies this transport to Nest's processing hooks. */
export declare const IN_MEMORY_TRANSPORT: unique symbol;
/**
 * The nestjs-ack contract without a broker, for unit tests: publish with
 * `InMemoryAckClient`, then read `broker.state(queue)` to assert acked,
 * nacked with a delay, rejected with a reason, or dead-lettered.
 */
export declare class InMemoryAckServer extends AckServer<InMemoryMessage> {
    readonly broker: InMemoryBroker;
    readonly queue: string;
    protected readonly commands: InMemoryCommands;
    protected readonly replies?: ReplyPublisher<InMemoryMessage>;
    private consumerId?;
    constructor(options: InMemoryAckServerOptions);
    unwrap<T>(): T;
    /** Consuming while started; `backlog` is the queue's ready messages. Always connected: there is no broker to lose. */
    probeHealth(): Promise<BrokerHealth>;
    protected start(): Promise<void>;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
}
