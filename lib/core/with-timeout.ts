import { AckTimeoutError } from './errors';

/** Resolves or rejects with `promise`, or rejects with `AckTimeoutError(message)` after `ms` (at least 0); the timer never outlives the race. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new AckTimeoutError(message)), Math.max(0, ms))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
