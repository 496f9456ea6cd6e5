/** What the claim loop needs from its server. */
export interface ClaimLoopHooks<R> {
    /** Claims up to `limit` rows (one statement). */
    claim(limit: number): Promise<R[]>;
    /** Hands one row to the handler pipeline; resolves when it is settled (or left unsettled). */
    deliver(row: R): Promise<void>;
    /** Gives rows claimed after the loop was stopped back to the queue. */
    release(rows: R[]): Promise<void>;
    /** A claim failed; the loop retries after `pollIntervalMs`. */
    onError(error: unknown): void;
}
/**
 * Claims rows while handler slots are free, then sleeps until woken: by a
 * NOTIFY of a publish, a slot that frees, a retry that becomes due, or the
 * polling fallback. Never claims more rows than free slots, so no claimed row
 * waits for a slot while its lease runs out.
 */
export declare class ClaimLoop<R> {
    private readonly hooks;
    private readonly slots;
    private readonly batchSize;
    private readonly pollIntervalMs;
    private running;
    private inFlight;
    private loop?;
    private wakeUp?;
    private wokenEarly;
    /** The last claim was limited by free slots, not by due rows: a freed slot may find more. */
    private slotBound;
    private readonly timers;
    constructor(hooks: ClaimLoopHooks<R>, slots: number, batchSize: number, pollIntervalMs: number);
    /** Started and not stopped. */
    get isRunning(): boolean;
    start(): void;
    /** Stops claiming; resolves once a claim under way has ended (its rows given back). */
    stop(): Promise<void>;
    /** Claims again now (a publish was notified, a slot freed). */
    wake(): void;
    /** Claims again in `delayMs` (a nacked row becomes due). */
    wakeIn(delayMs: number): void;
    private run;
    private dispatch;
    private sleep;
}
