import { assertLimit, assertNumber, definedOnly } from './option-checks';
import { backoffDelay } from './retry';

/** How a transport reconnects after its connection to the broker drops; also the wait between the attempts of `listen()` (bounded by `startTimeoutMs`). */
export interface ReconnectOptions {
  /** Wait before the first reconnect attempt. @defaultValue 200 */
  initialDelayMs?: number;
  /** Upper bound of the wait between attempts. @defaultValue 10000 */
  maxDelayMs?: number;
  /** Factor applied to the wait after each failed attempt. @defaultValue 2 */
  multiplier?: number;
  /** Attempts before giving up (status stays `disconnected`, an `error` event is emitted); a finite value also ends the attempts of `listen()` early. @defaultValue Infinity */
  maxAttempts?: number;
}

export type ResolvedReconnect = Required<ReconnectOptions>;

export const DEFAULT_RECONNECT: ResolvedReconnect = { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2, maxAttempts: Infinity };

/** Merges reconnect options over the defaults, naming the bad option. */
export function resolveReconnect(options: ReconnectOptions | undefined, optionName = 'reconnect'): ResolvedReconnect {
  const merged = { ...DEFAULT_RECONNECT, ...definedOnly(options) };
  assertNumber(merged.initialDelayMs, `${optionName}.initialDelayMs`, 0);
  assertNumber(merged.maxDelayMs, `${optionName}.maxDelayMs`, 0);
  assertNumber(merged.multiplier, `${optionName}.multiplier`, 1);
  assertLimit(merged.maxAttempts, `${optionName}.maxAttempts`, 1);
  return merged;
}

/**
 * Wait before reconnect attempt `attempt` (1-based): the retry backoff,
 * exponential and capped, with ±20 % jitter so many clients do not reconnect
 * in lockstep.
 */
export function reconnectDelay(options: ResolvedReconnect, attempt: number, random = Math.random): number {
  return backoffDelay({ type: 'exponential', jitter: 0.2, ...options }, attempt, random);
}

/** What `reconnectLoop` reports and asks. */
export interface ReconnectHooks {
  /** One attempt: resolves when connected again, rejects when this attempt failed. */
  connect(): Promise<void>;
  /** Stops the loop (the owner is closing). Checked before and after each wait. */
  isClosed(): boolean;
  /** An attempt starts (1-based). */
  onAttempt?(attempt: number): void;
  /** An attempt failed; the loop goes on. */
  onAttemptFailed?(error: unknown, attempt: number): void;
}

/**
 * Reconnects with backoff until an attempt succeeds (`true`), the owner
 * closes (`false`) or `maxAttempts` ran out (`false`). `wake()` on the
 * returned handle cuts the current wait short (used by `close()`).
 */
export function reconnectLoop(options: ResolvedReconnect, hooks: ReconnectHooks): { done: Promise<boolean>; wake(): void } {
  let wake = () => undefined as void;
  const done = (async () => {
    for (let attempt = 1; attempt <= options.maxAttempts && !hooks.isClosed(); attempt++) {
      hooks.onAttempt?.(attempt);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelay(options, attempt));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (hooks.isClosed()) return false;
      try {
        await hooks.connect();
        return true;
      } catch (error) {
        hooks.onAttemptFailed?.(error, attempt);
      }
    }
    return false;
  })();
  return { done, wake: () => wake() };
}
