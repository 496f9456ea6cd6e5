import { AckError, AckTimeoutError, asError, BrokerUnavailableError, ClosedDuringStartError, ConnectFailedError } from './errors';
import { reconnectDelay, type ResolvedReconnect } from './reconnect';

/** Node's and the drivers' codes for "nothing answered there": worth another attempt. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECTION_REFUSED', // nats.js
  '57P03', // PostgreSQL: the database system is starting up
]);

/**
 * Whether `error` (or anything in its `cause` / `errors` chain) says the broker
 * could not be reached, as opposed to a broker that answered with a refusal.
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  // Ours are deliberate and never retried, except a failed connect: its causes say whether anything answered.
  if (error instanceof AckError && !(error instanceof ConnectFailedError)) return false;
  const { code, cause, errors, message, name } = error as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown; name?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (name === 'KafkaJSConnectionError' || name === 'KafkaJSConnectionClosedError' || name === 'KafkaJSBrokerNotFound') return true;
  if (typeof message === 'string' && /ECONNREFUSED|ETIMEDOUT|connection refused|timed? ?out|Socket closed|Connection closed/i.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isUnreachable(inner, depth + 1))) return true;
  return isUnreachable(cause, depth + 1);
}

/** How a server's start tries to reach its broker. */
export interface StartAttemptOptions {
  /** `RabbitMQ`, `Kafka`...: named in logs and in the error. */
  broker: string;
  /** Where it connects, already redacted. */
  address: string;
  /** Gives up after this long (`startTimeoutMs`). */
  timeoutMs: number;
  /** The wait between attempts; `maxAttempts` also bounds the attempts. */
  backoff: ResolvedReconnect;
  /** Aborted by `close()`: the start ends with `ClosedDuringStartError`. */
  signal: AbortSignal;
  /** Where each failed attempt is reported. */
  warn(text: string): void;
  /** Whether a failure is worth another attempt. @defaultValue `isUnreachable` */
  retryable?(error: unknown): boolean;
  /** Undoes what a failed attempt opened, before the next one. */
  cleanUp(): Promise<void>;
  /** The deadline passed during an attempt: tells it to stop (its steps then end as after a close). */
  cancelAttempt(): void;
  /** An attempt that succeeded after the start gave up: closes what it opened. */
  abandon(): void;
}

/**
 * The start-up rule of every transport: runs `attempt` until it succeeds, with
 * the reconnect backoff between tries and a warning for each failed one.
 * A failure that is not about reaching the broker (a refusal, a wrong option)
 * ends the start at once; after `timeoutMs` (or `maxAttempts`) it ends with
 * `BrokerUnavailableError`, also while an attempt is still hanging.
 */
export async function startAttempts(attempt: () => Promise<void>, options: StartAttemptOptions): Promise<void> {
  const startedAt = Date.now();
  const deadline = startedAt + options.timeoutMs;
  const retryable = options.retryable ?? isUnreachable;
  const gaveUp = (attempts: number, cause: unknown) => new BrokerUnavailableError(options.broker, options.address, attempts, Date.now() - startedAt, cause);
  for (let n = 1; ; n++) {
    if (options.signal.aborted) throw new ClosedDuringStartError();
    const running = attempt();
    // A close() is not raced: the attempt ends itself at its next step (unlessClosed / throwIfClosing).
    const outcome = await raceDeadline(running, deadline);
    if (outcome.kind === 'done') return;
    if (outcome.kind === 'late') {
      // Still trying when the time ran out: stopped, and whatever it opens later is closed again.
      options.cancelAttempt();
      running.then(() => options.abandon(), () => undefined);
      throw gaveUp(n, new AckTimeoutError(`no answer within ${options.timeoutMs} ms`));
    }
    const error = outcome.error;
    if (options.signal.aborted) throw new ClosedDuringStartError();
    if (!retryable(error)) throw error;
    await options.cleanUp().catch(() => undefined);
    const wait = reconnectDelay(options.backoff, n);
    if (n >= options.backoff.maxAttempts || Date.now() + wait >= deadline) {
      options.warn(`could not reach ${options.broker} at ${options.address} (attempt ${n}): ${asError(error).message}; giving up`);
      throw gaveUp(n, error);
    }
    options.warn(`could not reach ${options.broker} at ${options.address} (attempt ${n}): ${asError(error).message}; next attempt in ${Math.round(wait)} ms, giving up after startTimeoutMs=${options.timeoutMs}`);
    if (!(await pause(wait, options.signal))) throw new ClosedDuringStartError();
  }
}

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'late' };

function raceDeadline(running: Promise<void>, deadline: number): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    // No timer without a deadline (`Infinity`): setTimeout would fire at once for it.
    const timer = Number.isFinite(deadline) ? setTimeout(() => resolve({ kind: 'late' }), Math.min(2 ** 31 - 1, Math.max(0, deadline - Date.now()))) : undefined;
    running
      .then(() => ({ kind: 'done' }) as Outcome, (error) => ({ kind: 'failed', error }) as Outcome)
      .then((outcome) => resolve(outcome))
      .finally(() => clearTimeout(timer));
  });
}

/** Waits `ms`; false when `signal` aborted first. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
