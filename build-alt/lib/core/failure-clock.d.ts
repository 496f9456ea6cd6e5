/**
 * Remembers when each message (by its redelivery-stable key) first failed,
 * for the dead-letter record's `firstFailureAt`. In memory: after a restart
 * the first failure seen by this process counts as the first.
 */
export declare class FailureClock {
    private readonly firstFailures;
    failed(key: string, now?: Date): void;
    firstFailure(key: string, now?: Date): Date;
    forget(key: string): void;
    /** Whether any failure is remembered: while none is, a settled message has nothing to forget (and its key need not be computed). */
    get isEmpty(): boolean;
}
