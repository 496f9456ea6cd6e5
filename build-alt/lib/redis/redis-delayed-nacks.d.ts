import type { RedisMessage } from './redis-message';
/**
 * Nacks whose delay is longer than `minIdleMs`. A pending entry becomes
 * claimable once idle for `minIdleMs`, and Redis cannot set an idle time below
 * zero, so such an entry is kept young (`touch(idle 0)`) every `renewalMs`
 * until less than `minIdleMs` of its delay is left, then given the idle time
 * that makes it claimable exactly when the delay ends. A crash meanwhile only
 * shortens the delay to `minIdleMs`: a redelivery, never a loss.
 */
export declare class DelayedNacks {
    private readonly minIdleMs;
    private readonly renewalMs;
    /** Sets the entry's idle time (`XCLAIM ... IDLE idle JUSTID` to ourselves); resolves false when it is no longer ours. */
    private readonly touch;
    private readonly report;
    private readonly waiting;
    constructor(minIdleMs: number, renewalMs: number, 
    /** Sets the entry's idle time (`XCLAIM ... IDLE idle JUSTID` to ourselves); resolves false when it is no longer ours. */
    touch: (message: RedisMessage, idleMs: number) => Promise<boolean>, report: (error: unknown) => void);
    get size(): number;
    /** The idle time to give now, and whether the entry needs later renewals. */
    idleFor(delayMs: number): {
        idleMs: number;
        keep: boolean;
    };
    /** Keeps `message` (already touched with idle 0) until its delay is almost over. */
    keep(message: RedisMessage, delayMs: number): void;
    /** At close: every kept entry becomes claimable at once, so other consumers need not wait. */
    releaseAll(): Promise<void>;
    /** At close without a connection: stops keeping them (they become claimable after `minIdleMs`). */
    dropAll(): void;
    private schedule;
    private renew;
}
