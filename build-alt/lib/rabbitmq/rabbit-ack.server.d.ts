import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import type { BrokerHealth } from '../core/broker-health';
import type { RabbitAckServerOptions } from './rabbit-ack-server-options';
import { RabbitAckContext } from './rabbit-context';
import { type RabbitMessage } from './rabbit-message';
import { type RabbitServerSettings } from './rabbit-settings';
import { RabbitCommands } from './rabbit-commands';
/** Identifies this transport to Nest's processing hooks. */
export declare const RABBITMQ_TRANSPORT: unique symbol;
/**
 * A NestJS microservice transport on RabbitMQ with the nestjs-ack contract:
 * every delivery is settled exactly once by policy (ack / nack with retry
 * rules / reject to the dead-letter queue), replies go to `replyTo`, and the
 * connection comes back by itself.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new RabbitAckServer({ urls: process.env.RABBITMQ_URL, queue: 'orders' }),
 * });
 * ```
 */
export declare class RabbitAckServer extends AckServer<RabbitMessage> {
    /** The checked broker options. */
    readonly brokerSettings: RabbitServerSettings;
    protected readonly commands: RabbitCommands;
    protected readonly contextType: typeof RabbitAckContext;
    protected readonly replies: ReplyPublisher<RabbitMessage>;
    private connection?;
    private session?;
    private receiving;
    private readonly delayedNacks;
    private readonly health;
    constructor(options: RabbitAckServerOptions);
    /** The live amqplib connection (undefined while disconnected). */
    unwrap<T>(): T;
    /** Connected, consuming, and the queue's ready messages (`backlog`) from a passive declare. */
    probeHealth(): Promise<BrokerHealth>;
    protected start(): Promise<void>;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
    private publishReply;
    private setupSession;
    private onDelivery;
    private teardownSession;
    /** Its delivery tags are void from now on; its delayed nacks were requeued by the broker. */
    private closeSession;
}
