/** The one final decision about one delivery. */
export type Settlement = {
    kind: 'ack';
} | {
    kind: 'nack';
    delayMs?: number;
    error?: unknown;
} | {
    kind: 'reject';
    reason: string;
    error?: unknown;
};
/** Options of a manual or thrown nack. */
export interface NackOptions {
    /** Delay before redelivery; wins over the retry backoff. @defaultValue the backoff's delay */
    delayMs?: number;
}
/** Options of a manual or thrown reject. */
export interface RejectOptions {
    /** Why; travels to the dead-letter target. @defaultValue 'rejected' */
    reason?: string;
}
/**
 * Reasons the library itself gives to rejects (`x-dead-letter-reason`):
 * - `handler-error`: the handler failed under `REJECT_ON_ERROR`;
 * - `max-deliveries`: nacked again after `retry.maxDeliveries` deliveries;
 * - `deserialization`: the body is not valid UTF-8 / JSON, has no pattern, or is over `maxBodyBytes`;
 * - `no-handler`: no handler for the message's pattern;
 * - `rejected`: `ctx.reject()` or `RejectMessage` without a reason of its own.
 */
export declare const RejectReason: {
    readonly HANDLER_ERROR: 'handler-error';
    readonly MAX_DELIVERIES: 'max-deliveries';
    readonly DESERIALIZATION: 'deserialization';
    readonly NO_HANDLER: 'no-handler';
    readonly REJECTED: 'rejected';
};
