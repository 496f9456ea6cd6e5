import { DEFAULT_RETRY, type RetryOptions } from './retry-options';
export type ResolvedRetry = typeof DEFAULT_RETRY;
/** Merges user retry options over the defaults and validates them, naming the bad option. */
export declare function resolveRetry(optionName: string, ...layers: Array<RetryOptions | undefined>): ResolvedRetry;
/** Delay before the next delivery of a message that was delivered `deliveryCount` times. */
export declare function backoffDelay(backoff: ResolvedRetry['backoff'], deliveryCount: number, random?: () => number): number;
export type NackDecision = {
    kind: 'nack';
    delayMs: number;
} | {
    kind: 'reject';
    reason: 'max-deliveries';
};
/**
 * Applies the retry rules to a nack: past `maxDeliveries` it becomes a reject;
 * otherwise an explicit delay wins over the backoff.
 */
export declare function decideNack(retry: ResolvedRetry, deliveryCount: number, requestedDelayMs?: number): NackDecision;
