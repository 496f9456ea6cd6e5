/** Resolves or rejects with `promise`, or rejects with `Error(message)` after `ms` (at least 0); the timer never outlives the race. */
export declare function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T>;
