/** Counts running handlers and queues callers beyond `limit`, first come first served. */
export declare class ConcurrencyLimiter {
    private readonly limit;
    private running;
    /** Callers waiting for a slot, from `head` on: shift() on a long array moves every element. */
    private waiting;
    private head;
    constructor(limit: number);
    /** Takes a free slot at once; false when all are taken (then `acquire()` queues). */
    tryAcquire(): boolean;
    acquire(): Promise<void>;
    release(): void;
}
