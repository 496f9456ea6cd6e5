import { type ChannelModel, type GetMessage } from 'amqplib';
/** The broker under test; never printed (it may carry credentials). */
export declare const RABBITMQ_URL: string;
/** Ready and unacked messages of one queue, as the broker counts them right now. */
export interface QueueDepth {
    ready: number;
    unacked: number;
}
/**
 * Real-time depth of a queue, read from the broker. `rabbitmqctl list_queues`
 * is not enough for quorum queues: their counts there are metrics refreshed
 * every ~5 s. So this asks the queue itself through `rabbitmqctl eval`: the
 * quorum queue's Raft state machine on its leader (`rabbit_fifo` ready and
 * checked-out counts) or the classic queue process. Returns undefined when the
 * queue does not exist.
 */
export declare function queueDepth(queue: string, vhost?: string): Promise<QueueDepth | undefined>;
/** Ready + unacked (0 when the queue is gone). */
export declare function outstandingIn(queue: string): Promise<number>;
/** A short-lived connection for test-side broker work. */
export declare function withRabbit<T>(work: (model: ChannelModel) => Promise<T>): Promise<T>;
/**
 * Every message of a queue without consuming it: fetched unacked, then the
 * channel closes and the broker puts them all back.
 */
export declare function peekQueue(queue: string, limit?: number): Promise<GetMessage[]>;
/** Deletes the queue and its default dead-letter queue and exchange (`<queue>.dlq`, `<queue>.dlx`), and any extra names given. */
export declare function deleteRabbitTopology(queue: string, extra?: {
    queues?: string[];
    exchanges?: string[];
}): Promise<void>;
/** The x-dead-letter-* headers of a DLQ entry, decoded. */
export declare function deadLetterFields(message: GetMessage): {
    body: Buffer<ArrayBufferLike>;
    headers: Record<string, string>;
    reason: string;
    errorName: string;
    errorMessage: string;
    deliveryCount: number;
    source: Record<string, string | number>;
    firstFailureAt: string;
    lastFailureAt: string;
};
/** Runs `rabbitmqctl` (as root in this environment). */
export declare function rabbitmqctl(...args: string[]): Promise<string>;
