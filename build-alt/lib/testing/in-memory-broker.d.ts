import type { DeadLetterRecord } from '../core/dead-letter-record';
/** A message as the in-memory broker stores it. */
export interface StoredMessage {
    id: number;
    body: Buffer;
    headers: Record<string, string>;
    /** Deliveries so far; the next delivery's count is this plus one. */
    deliveries: number;
    replyTo?: string;
    correlationId?: string;
}
/** One line of a queue's history: what happened to which message. */
export type BrokerEvent = {
    type: 'published';
    messageId: number;
} | {
    type: 'delivered';
    messageId: number;
    deliveryCount: number;
} | {
    type: 'acked';
    messageId: number;
} | {
    type: 'nacked';
    messageId: number;
    delayMs: number;
} | {
    type: 'dead-lettered';
    messageId: number;
    reason: string;
} | {
    type: 'requeued';
    messageId: number;
} | {
    type: 'lease-expired';
    messageId: number;
};
type Deliver = (message: StoredMessage) => void;
/** What a test reads back about one queue. */
export interface QueueState {
    /** Waiting for a consumer. */
    ready: number;
    /** Delivered and not yet settled. */
    unacked: number;
    /** Nacked with a delay, waiting to come back. */
    delayed: number;
    deadLetters: DeadLetterRecord[];
    history: BrokerEvent[];
    /** Consumers currently receiving. */
    consumers: number;
}
/**
 * A broker in memory with the semantics the contract needs: deliveries
 * counted, unsettled messages redelivered when their consumer goes away,
 * delayed nacks, a dead-letter list per queue. Share one between an
 * `InMemoryAckServer` and an `InMemoryAckClient`.
 */
export declare class InMemoryBroker {
    private readonly queues;
    private readonly replyListeners;
    private nextMessageId;
    private nextConsumerId;
    publish(queueName: string, body: Buffer, options?: {
        headers?: Record<string, string>;
        replyTo?: string;
        correlationId?: string;
    }): number;
    /** Starts delivering the queue's messages to `deliver`; returns the consumer id. */
    consume(queueName: string, deliver: Deliver): number;
    /**
     * Gives the queue a lease: a delivery not settled within `leaseMs` (and not
     * extended with `extendLease`) is delivered again, as JetStream does after `ackWait`.
     */
    setLease(queueName: string, leaseMs: number | undefined): void;
    /** Restarts the lease of an unsettled delivery. */
    extendLease(queueName: string, messageId: number): void;
    /** Stops delivering to a consumer; its unsettled messages stay with it until `disconnect`. */
    cancel(queueName: string, consumerId: number): void;
    /** Gives a consumer's unsettled messages back to the queue, as a closed channel does. */
    disconnect(queueName: string, consumerId: number): void;
    ack(queueName: string, messageId: number): void;
    nack(queueName: string, messageId: number, delayMs: number): void;
    /** Makes the queue's dead-letter list refuse entries (`true`) or take them again, to test a failing dead-letter target. */
    blockDeadLetters(queueName: string, blocked: boolean): void;
    deadLetter(queueName: string, messageId: number, record: DeadLetterRecord): void;
    /** Registers where replies to `replyTo` go. */
    listenForReplies(replyTo: string, listener: (body: Buffer, correlationId?: string) => void): void;
    stopListeningForReplies(replyTo: string): void;
    reply(replyTo: string, body: Buffer, correlationId?: string): void;
    /** A snapshot of the queue for assertions. */
    state(queueName: string): QueueState;
    /** The history of one message. */
    historyOf(queueName: string, messageId: number): BrokerEvent[];
    private takeUnacked;
    private startLease;
    private dispatch;
    private queue;
}
export {};
