import { AckServer } from '../core/ack-server';
import type { ReplyPublisher } from '../core/broker-commands';
import type { BrokerHealth } from '../core/broker-health';
import type { NatsAckServerOptions } from './nats-ack-server-options';
import { NatsCommands } from './nats-commands';
import { NatsAckContext } from './nats-context';
import { type NatsMessage } from './nats-message';
import { type NatsServerSettings } from './nats-settings';
import { type ConsumerPlan } from './nats-topology';
/** Identifies this transport to Nest's processing hooks. */
export declare const NATS_TRANSPORT: unique symbol;
/**
 * A NestJS microservice transport on NATS JetStream with the nestjs-ack
 * contract: durable pull consumers (the v3 `consume()` API), every delivery
 * settled exactly once by policy (ack / nak with a delay / dead-letter copy
 * then term), `working()` while a handler runs, replies to the caller's
 * subject, and the client's own reconnects reported as status events.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new NatsAckServer({ servers: process.env.NATS_URL, stream: 'ORDERS', ensureStream: true }),
 * });
 * ```
 */
export declare class NatsAckServer extends AckServer<NatsMessage> {
    /** The checked broker options. */
    readonly brokerSettings: NatsServerSettings;
    protected readonly commands: NatsCommands;
    protected readonly contextType: typeof NatsAckContext;
    protected readonly replies: ReplyPublisher<NatsMessage>;
    private readonly link;
    private connecting?;
    private manager?;
    private consumers;
    private readonly pumps;
    private readonly running;
    private receiving;
    /** Pumps waiting for a free handler slot; woken one per finished handler, all when intake stops. */
    private readonly slotWaiters;
    private plans;
    constructor(options: NatsAckServerOptions);
    /** The NATS connection (undefined before the start). */
    unwrap<T>(): T;
    /** The durable consumers this server pulls from, with their subjects (known once started). */
    get consumerPlans(): readonly ConsumerPlan[];
    /** Connected, consuming, and each durable consumer's `num_pending` (summed as `backlog`) and `num_ack_pending`. */
    probeHealth(): Promise<BrokerHealth>;
    protected start(): Promise<void>;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
    /** Hands each delivery to the core, at most `concurrency` at once: the next is taken from the pull buffer only when a handler slot is free. */
    private pump;
    private wakePumps;
    private watchConsumer;
    private handlerSubjects;
    private publishReply;
}
