import { InvalidOptionError } from './errors';
import { assertNumber, definedOnly } from './option-checks';
import { DEFAULT_RETRY, type BackoffOptions, type NonRetryableErrors, type RetryOptions } from './retry-options';

/** Retry rules with every default filled in and checked. */
export interface ResolvedRetry {
  maxDeliveries: number;
  backoff: Required<BackoffOptions>;
  /** Whether an error is one that no retry can fix (`retry.nonRetryable`). */
  isNonRetryable(error: unknown): boolean;
}

/** Merges user retry options over the defaults and validates them, naming the bad option. */
export function resolveRetry(optionName: string, ...layers: Array<RetryOptions | undefined>): ResolvedRetry {
  const merged = { maxDeliveries: DEFAULT_RETRY.maxDeliveries, backoff: { ...DEFAULT_RETRY.backoff } };
  let nonRetryable: NonRetryableErrors = DEFAULT_RETRY.nonRetryable;
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.maxDeliveries !== undefined) merged.maxDeliveries = layer.maxDeliveries;
    Object.assign(merged.backoff, definedOnly(layer.backoff));
    if (layer.nonRetryable !== undefined) nonRetryable = layer.nonRetryable;
  }
  const { backoff } = merged;
  assertNumber(merged.maxDeliveries, `${optionName}.maxDeliveries`, 1);
  if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
    throw new InvalidOptionError(`${optionName}.backoff.type`, backoff.type, 'fixed, exponential');
  }
  assertNumber(backoff.initialDelayMs, `${optionName}.backoff.initialDelayMs`, 0);
  assertNumber(backoff.multiplier, `${optionName}.backoff.multiplier`, 1);
  assertNumber(backoff.maxDelayMs, `${optionName}.backoff.maxDelayMs`, 0);
  if (!(backoff.jitter >= 0 && backoff.jitter <= 1)) {
    throw new InvalidOptionError(`${optionName}.backoff.jitter`, backoff.jitter, 'a number from 0 to 1');
  }
  return { ...merged, isNonRetryable: nonRetryableTest(nonRetryable, `${optionName}.nonRetryable`) };
}

/** `retry.nonRetryable` as a test of one error; a predicate that throws counts as "retry it". */
function nonRetryableTest(rule: unknown, option: string): (error: unknown) => boolean {
  if (typeof rule === 'function') {
    const predicate = rule as (error: unknown) => boolean;
    return (error) => {
      try {
        return predicate(error) === true;
      } catch {
        return false;
      }
    };
  }
  if (!Array.isArray(rule) || rule.some((entry) => typeof entry !== 'function')) {
    throw new InvalidOptionError(option, Array.isArray(rule) ? rule.map((entry) => (typeof entry === 'function' ? entry.name : entry)) : rule, 'an array of error classes, or a function (error) => boolean');
  }
  const classes = [...(rule as Array<abstract new (...args: never[]) => unknown>)];
  return (error) => classes.some((type) => error instanceof type);
}

/** Delay before the next delivery of a message that was delivered `deliveryCount` times. */
export function backoffDelay(backoff: ResolvedRetry['backoff'], deliveryCount: number, random = Math.random): number {
  const exponent = backoff.type === 'exponential' ? Math.max(0, deliveryCount - 1) : 0;
  const base = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * backoff.multiplier ** exponent);
  const spread = base * backoff.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(backoff.maxDelayMs, base + spread)));
}

export type NackDecision = { kind: 'nack'; delayMs: number } | { kind: 'reject'; reason: 'max-deliveries' };

/**
 * Applies the retry rules to a nack: past `maxDeliveries` it becomes a reject;
 * otherwise an explicit delay wins over the backoff.
 */
export function decideNack(retry: ResolvedRetry, deliveryCount: number, requestedDelayMs?: number): NackDecision {
  if (deliveryCount >= retry.maxDeliveries) return { kind: 'reject', reason: 'max-deliveries' };
  const delayMs = requestedDelayMs ?? backoffDelay(retry.backoff, deliveryCount);
  return { kind: 'nack', delayMs: Math.max(0, delayMs) };
}
