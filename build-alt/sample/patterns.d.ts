import type { AckPolicy } from '../lib';
/**
 * This run's own names. On a real broker, topics, streams and subjects are
 * the patterns themselves, so each run prefixes them: a re-run never reads
 * what an earlier one left behind. The in-memory broker lives in the process
 * and needs no prefix.
 */
export declare const RUN_ID: string;
export declare const Patterns: {
    readonly created: `${string}order.created`;
    readonly capture: `${string}payment.capture`;
    readonly audit: `${string}audit.record`;
    readonly notify: `${string}customer.notify`;
    readonly shipped: `${string}order.shipped`;
    readonly total: `${string}order.total`;
    /** No handler consumes it: dead-lettered as `no-handler`. */
    readonly refunded: `${string}order.refunded`;
};
/** The policy of each handled pattern (as its decorator says), for the summary. */
export declare const PolicyOf: Record<string, AckPolicy>;
/** A pattern as printed: without this run's prefix. */
export declare function shortName(pattern: string): string;
