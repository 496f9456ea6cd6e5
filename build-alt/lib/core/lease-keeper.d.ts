/**
 * Calls `extend` every `periodMs` until stopped or `settled()` says the
 * delivery got its decision: a broker's lease on a delivery (JetStream
 * `ackWait`, a Redis pending entry's idle time, a table row's lease) is renewed
 * while its handler and its policy step run, and never after the settle
 * command went out (a renewal then could undo a nack's delay). A failed renewal
 * is reported and retried at the next tick; the timer never keeps the process alive.
 */
export declare function keepLease(periodMs: number, extend: () => Promise<void>, report: (error: unknown) => void, settled?: () => boolean): () => void;
