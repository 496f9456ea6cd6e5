import { BadRequestException } from '@nestjs/common';
import { MessageRefusedError } from './errors';
import type { AllListed, KeysListed, OptionKeys } from './known-keys';

/** How long to wait before a nacked message is delivered again. */
export interface BackoffOptions {
  /**
   * `fixed` waits `initialDelayMs` every time; `exponential` multiplies it by
   * `multiplier` for each earlier delivery.
   * @defaultValue 'exponential'
   */
  type?: 'fixed' | 'exponential';
  /** @defaultValue 1000 */
  initialDelayMs?: number;
  /** @defaultValue 2 */
  multiplier?: number;
  /** Upper bound of any computed delay. @defaultValue 60000 */
  maxDelayMs?: number;
  /**
   * Random spread as a fraction of the delay (0.2 = up to ±20 %), so retries
   * of many messages do not arrive in lockstep.
   * @defaultValue 0.2
   */
  jitter?: number;
}

/**
 * Errors no retry can fix (a payload that fails validation): error classes
 * (an error is non-retryable when it is an instance of one), or a predicate
 * that says so. Given in `@AckPolicy()`, it replaces the server's.
 */
export type NonRetryableErrors = ReadonlyArray<abstract new (...args: never[]) => unknown> | ((error: unknown) => boolean);

/** Retry rules for nacked messages. */
export interface RetryOptions {
  /**
   * Deliveries allowed before a nack turns into a reject with reason
   * `max-deliveries` (so the message reaches the dead-letter target).
   * @defaultValue 5
   */
  maxDeliveries?: number;
  /** @defaultValue `{ type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60000, jitter: 0.2 }` */
  backoff?: BackoffOptions;
  /**
   * Errors that are never retried: under `NACK_ON_ERROR` a handler failing
   * with one is rejected at once, reason `non-retryable`, instead of being
   * delivered again up to `maxDeliveries` times. An empty array retries every error.
   * @defaultValue `DEFAULT_NON_RETRYABLE`: Nest's `BadRequestException` (what `ValidationPipe` and the
   * `Parse*Pipe`s throw by default) and the library's `MessageRefusedError`s
   */
  nonRetryable?: NonRetryableErrors;
}

/**
 * The errors that are never retried unless `retry.nonRetryable` says otherwise:
 * Nest's `BadRequestException` (thrown by `ValidationPipe` and every `Parse*Pipe`
 * unless their `errorHttpStatusCode` or `exceptionFactory` chose another) and the
 * library's own `MessageRefusedError`s (an undecodable or oversized message).
 */
export const DEFAULT_NON_RETRYABLE: ReadonlyArray<abstract new (...args: never[]) => unknown> = [BadRequestException, MessageRefusedError];

export const DEFAULT_RETRY: Required<Omit<RetryOptions, 'nonRetryable'>> & { backoff: Required<BackoffOptions>; nonRetryable: NonRetryableErrors } = {
  maxDeliveries: 5,
  backoff: { type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 },
  nonRetryable: DEFAULT_NON_RETRYABLE,
};

/** The names of `BackoffOptions` and `RetryOptions`, checked for unknown keys (see `assertKnownKeys`). */
export const BACKOFF_OPTION_NAMES = ['type', 'initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter'] as const satisfies readonly (keyof BackoffOptions)[];
type _Backoff = AllListed<KeysListed<BackoffOptions, typeof BACKOFF_OPTION_NAMES>>;
export const RETRY_OPTION_NAMES = ['maxDeliveries', 'backoff', 'nonRetryable'] as const satisfies readonly (keyof RetryOptions)[];
type _Retry = AllListed<KeysListed<RetryOptions, typeof RETRY_OPTION_NAMES>>;
export const RETRY_KEYS: OptionKeys = { keys: RETRY_OPTION_NAMES, nested: { backoff: { keys: BACKOFF_OPTION_NAMES } } };
