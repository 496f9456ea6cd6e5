/** The one final decision about one delivery. */
export type Settlement =
  | { kind: 'ack' }
  | { kind: 'nack'; delayMs?: number; error?: unknown }
  | { kind: 'reject'; reason: string; error?: unknown };

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
 * - `non-retryable`: the handler failed under `NACK_ON_ERROR` with an error of `retry.nonRetryable` (retrying cannot help);
 * - `deserialization`: the body is not valid UTF-8 / JSON, has no pattern, or the message is over `maxMessageBytes`;
 * - `no-handler`: no handler for the message's pattern;
 * - `invalid-reply-address`: a request whose reply address the transport's `replyAddresses` does not accept (its handler did not run);
 * - `pattern-mismatch`: the body names a pattern the address it came on does not serve (its handler did not run);
 * - `rejected`: `ctx.reject()` or `RejectMessage` without a reason of its own.
 */
export const RejectReason = {
  HANDLER_ERROR: 'handler-error',
  MAX_DELIVERIES: 'max-deliveries',
  NON_RETRYABLE: 'non-retryable',
  DESERIALIZATION: 'deserialization',
  NO_HANDLER: 'no-handler',
  INVALID_REPLY_ADDRESS: 'invalid-reply-address',
  PATTERN_MISMATCH: 'pattern-mismatch',
  REJECTED: 'rejected',
} as const;
