/** How a transport reconnects after its connection to the broker drops. */
export interface ReconnectOptions {
    /** Wait before the first reconnect attempt. @defaultValue 200 */
    initialDelayMs?: number;
    /** Upper bound of the wait between attempts. @defaultValue 10000 */
    maxDelayMs?: number;
    /** Factor applied to the wait after each failed attempt. @defaultValue 2 */
    multiplier?: number;
    /** Attempts before giving up (status stays `disconnected`, an `error` event is emitted). @defaultValue Infinity */
    maxAttempts?: number;
}
export type ResolvedReconnect = Required<ReconnectOptions>;
export declare const DEFAULT_RECONNECT: ResolvedReconnect;
/** Merges reconnect options over the defaults, naming the bad option. */
export declare function resolveReconnect(options: ReconnectOptions | undefined, optionName?: string): ResolvedReconnect;
/**
 * Wait before reconnect attempt `attempt` (1-based): the retry backoff,
 * exponential and capped, with ±20 % jitter so many clients do not reconnect
 * in lockstep.
 */
export declare function reconnectDelay(options: ResolvedReconnect, attempt: number, random?: () => number): number;
/** What `reconnectLoop` reports and asks. */
export interface ReconnectHooks {
    /** One attempt: resolves when connected again, rejects when this attempt failed. */
    connect(): Promise<void>;
    /** Stops the loop (the owner is closing). Checked before and after each wait. */
    isClosed(): boolean;
    /** An attempt starts (1-based). */
    onAttempt?(attempt: number): void;
    /** An attempt failed; the loop goes on. */
    onAttemptFailed?(error: unknown, attempt: number): void;
}
/**
 * Reconnects with backoff until an attempt succeeds (`true`), the owner
 * closes (`false`) or `maxAttempts` ran out (`false`). `wake()` on the
 * returned handle cuts the current wait short (used by `close()`).
 */
export declare function reconnectLoop(options: ResolvedReconnect, hooks: ReconnectHooks): {
    done: Promise<boolean>;
    wake(): void;
};
