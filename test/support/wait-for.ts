/** Polls `condition` until it returns a truthy value or `timeoutMs` passes; never a blind sleep. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 25, message = 'condition' }: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Asserts that `value()` keeps equal to `expected` while `whileTrue` work completes (e.g. a later message is processed). */
export async function waitForEqual<T>(read: () => Promise<T> | T, expected: T, options: { timeoutMs?: number; message?: string } = {}): Promise<void> {
  let last: T | undefined;
  await waitFor(async () => {
    last = await read();
    return JSON.stringify(last) === JSON.stringify(expected);
  }, { ...options, message: `${options.message ?? 'value'} to equal ${JSON.stringify(expected)} (last ${JSON.stringify(last)})` });
}

/** The error `promise` rejects with within `ms`; fails when it resolves or is still pending then (a `close()` that must end requests promptly). */
export function rejectionWithin(promise: Promise<unknown>, ms: number): Promise<Error> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still pending ${ms} ms after close()`)), ms);
    promise.then(
      () => reject(new Error('resolved, but no reply was ever sent')),
      (error: Error) => resolve(error),
    ).finally(() => clearTimeout(timer));
  });
}
