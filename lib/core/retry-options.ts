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
}

export const DEFAULT_RETRY: Required<RetryOptions> & { backoff: Required<BackoffOptions> } = {
  maxDeliveries: 5,
  backoff: { type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 },
};

/** The names of `BackoffOptions` and `RetryOptions`, checked for unknown keys (see `assertKnownKeys`). */
export const BACKOFF_OPTION_NAMES = ['type', 'initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter'] as const satisfies readonly (keyof BackoffOptions)[];
type _Backoff = AllListed<KeysListed<BackoffOptions, typeof BACKOFF_OPTION_NAMES>>;
export const RETRY_OPTION_NAMES = ['maxDeliveries', 'backoff'] as const satisfies readonly (keyof RetryOptions)[];
type _Retry = AllListed<KeysListed<RetryOptions, typeof RETRY_OPTION_NAMES>>;
export const RETRY_KEYS: OptionKeys = { keys: RETRY_OPTION_NAMES, nested: { backoff: { keys: BACKOFF_OPTION_NAMES } } };
