/**
 * The entries this process holds (delivered, handler not finished): reads
 * and reclaims ask for as many entries as there are free slots, so nothing
 * waits unleased in a local queue while it ages towards `minIdleMs`.
 */
export declare class HeldEntries {
    readonly capacity: number;
    private readonly keys;
    private waiters;
    constructor(capacity: number);
    get free(): number;
    has(key: string): boolean;
    add(key: string): void;
    release(key: string): void;
    /**
     * Resolves once `atLeast` slots are free, or when `signal` aborts, or (with
     * `timeoutMs`) when the time is up with at least one slot free.
     */
    waitFree(signal: AbortSignal, atLeast?: number, timeoutMs?: number): Promise<void>;
}
