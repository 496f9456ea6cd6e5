import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { AckOptions, BrokerCommands } from '../core/broker-commands';
import { type DeadLetterRecord } from '../core/dead-letter-record';
import type { NatsMessage } from './nats-message';
import type { NatsDeadLetterTarget } from './nats-settings';
import type { ServerFeatures } from './nats-version';
/** What the commands need of the server's live connection. */
export interface NatsLink {
    readonly connection?: NatsConnection;
    readonly jetstream?: JetStreamClient;
    readonly features: ServerFeatures;
}
/**
 * ack / nack / reject / lease on JetStream: `ack()` (`ackAck()` when it must be
 * recorded first), `nak(delay)`, a dead-letter copy acknowledged by its stream
 * then `term()`, and `working()` to keep a running handler's delivery.
 */
export declare class NatsCommands implements BrokerCommands<NatsMessage> {
    private readonly link;
    private readonly deadLetter;
    /** Renewed at a third of `ack_wait`: two renewals may be late before the server redelivers. */
    readonly leaseRenewalMs: number;
    constructor(link: NatsLink, deadLetter: NatsDeadLetterTarget | false, ackWaitMs: number);
    ack(message: NatsMessage, { durable }: AckOptions): Promise<void>;
    nack(message: NatsMessage, delayMs: number): Promise<void>;
    reject(message: NatsMessage, record: DeadLetterRecord): Promise<void>;
    extendLease(message: NatsMessage): Promise<void>;
    private storeDeadLetter;
    private ensureOpen;
}
