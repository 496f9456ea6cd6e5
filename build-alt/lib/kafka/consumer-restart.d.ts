/**
 * How long, from the start of a consumer, kafkajs may restart it on retriable
 * crashes before its first group join: a fresh cluster answers "The coordinator
 * is loading" for a few seconds. Non-retriable errors (authentication, bad
 * configuration) never reach this rule: kafkajs fails them at once.
 */
export declare const START_RESTART_WINDOW_MS = 30000;
/** What `restartOnFailure` decides for a crash kafkajs counts as retriable. */
export declare function shouldRestartConsumer(state: {
    /** The consumer joined its group at least once since the server started. */
    joinedOnce: boolean;
    closing: boolean;
    /** When the current consumer was started (ms since the epoch). */
    startedAt: number;
    now: number;
}): boolean;
