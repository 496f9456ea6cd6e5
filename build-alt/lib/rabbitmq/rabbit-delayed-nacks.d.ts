import type { RabbitMessage, RabbitSession } from './rabbit-message';
/**
 * Nacks with a delay. The message stays unacked on its channel until the
 * delay ends, then goes back to the queue: it holds one prefetch slot but no
 * concurrency slot, and if the process dies meanwhile the broker redelivers
 * it (unacked messages return when the channel closes). Nothing is stored
 * outside the broker.
 */
export declare class DelayedNacks {
    private readonly onError;
    private readonly pending;
    constructor(onError: (error: unknown) => void);
    get size(): number;
    /** Calls `requeue` after `delayMs` (errors go to `onError`). */
    schedule(message: RabbitMessage, delayMs: number, requeue: () => Promise<void>): void;
    /** Requeues every waiting message now (at close, so they come back promptly to other consumers). */
    flush(): Promise<void>;
    /** Forgets the messages of a closed channel: the broker has requeued them already. */
    dropSession(session: RabbitSession): void;
    private fire;
}
