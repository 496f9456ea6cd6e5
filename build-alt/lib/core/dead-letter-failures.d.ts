import { type ResolvedRetry } from './retry';
/** At most one log line per failing source in this period. */
export declare const DEAD_LETTER_LOG_INTERVAL_MS = 60000;
/**
 * Messages whose dead-letter target refused them. Each is nacked again with a
 * growing delay (the retry backoff, exponential up to its `maxDelayMs`) so it is
 * never dropped and never hammers the target, and is logged at most once per
 * `DEAD_LETTER_LOG_INTERVAL_MS`. Bounded: the oldest entries are forgotten first.
 */
export declare class DeadLetterFailures {
    private readonly maxTracked;
    private readonly failing;
    constructor(maxTracked?: number);
    /** Records one more refusal; returns the nack delay and whether to log this time (with how many lines were held back). */
    refused(key: string, retry: ResolvedRetry, now?: number): {
        delayMs: number;
        log: boolean;
        suppressed: number;
    };
    /** The message was dead-lettered (or settled otherwise) at last. */
    resolved(key: string): void;
    /** Sources whose dead letter is currently refused (shown in the server's status). */
    get count(): number;
}
