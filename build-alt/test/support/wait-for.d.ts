/** Polls `condition` until it returns a truthy value or `timeoutMs` passes; never a blind sleep. */
export declare function waitFor<T>(condition: () => T | Promise<T>, { timeoutMs, intervalMs, message }?: {
    timeoutMs?: number;
    intervalMs?: number;
    message?: string;
}): Promise<T>;
/** Asserts that `value()` keeps equal to `expected` while `whileTrue` work completes (e.g. a later message is processed). */
export declare function waitForEqual<T>(read: () => Promise<T> | T, expected: T, options?: {
    timeoutMs?: number;
    message?: string;
}): Promise<void>;
