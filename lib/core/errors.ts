/**
 * Typed errors of nestjs-ack. Match them with `instanceof` (or by `name`
 * across copies of the package), never by message text.
 */

/** Base of every error nestjs-ack throws itself. */
export class AckError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`nestjs-ack: ${message}`, options);
    this.name = new.target.name;
  }
}

/** An option is missing or has a value outside what is allowed; thrown by constructors, at start-up. */
export class InvalidOptionError extends AckError {
  constructor(
    /** The option's path, for example `retry.backoff.jitter`. */
    readonly option: string,
    value: unknown,
    allowed: string,
  ) {
    super(`invalid ${option} ${safeStringify(value)}; allowed: ${allowed}`);
  }
}

/** `close()` was called while `listen()` was still starting: the start was cancelled. */
export class ClosedDuringStartError extends AckError {
  constructor() {
    super('the server was closed while it was starting');
  }
}

/**
 * The broker did not answer while `listen()` started: every attempt within
 * `startTimeoutMs` failed to reach it. `listen()` rejects with it; the last
 * attempt's failure is its `cause`.
 */
export class BrokerUnavailableError extends AckError {
  /** Stable across versions: match it, not the message. */
  readonly code = 'ACK_BROKER_UNAVAILABLE';

  constructor(
    /** `RabbitMQ`, `Kafka`, `NATS`, `Redis` or `PostgreSQL`. */
    readonly broker: string,
    /** Where the server tried, without credentials or query. */
    readonly address: string,
    /** How many connection attempts were made. */
    readonly attempts: number,
    /** How long the start tried, in milliseconds. */
    readonly elapsedMs: number,
    cause: unknown,
  ) {
    super(`${broker} at ${address} did not answer: ${attempts} attempt(s) in ${elapsedMs} ms failed, last with ${describeCause(cause)}; check that the broker runs and is reachable from here, or raise startTimeoutMs`, { cause });
  }
}

/**
 * The broker answered but refused the server's set-up (a queue that exists with
 * other arguments, stream subjects another stream holds, missing permissions).
 * Retrying cannot help, so `listen()` fails at once; the message says what to change.
 */
export class BrokerConfigurationError extends AckError {
  /** Stable across versions: match it, not the message. */
  readonly code = 'ACK_BROKER_CONFIGURATION';

  constructor(
    /** `RabbitMQ`, `Kafka`, `NATS`, `Redis` or `PostgreSQL`. */
    readonly broker: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${broker} refused the set-up: ${message}`, options);
  }
}

/**
 * A settle command could not reach the broker because the delivery's channel,
 * partition or connection is gone. The broker redelivers the message.
 */
export class DeliveryGoneError extends AckError {}

/** The broker accepted a publish but no queue or stream took the message (RabbitMQ `mandatory` return). */
export class UnroutableMessageError extends AckError {}

/** The dead-letter target refused the entry (too large, full, missing): the source stays unsettled. */
export class DeadLetterRefusedError extends AckError {}

/** A `@MessagePattern` handler on a transport that cannot carry replies. */
export class RepliesNotSupportedError extends AckError {}

/** Any thrown value as an `Error` (strings, plain objects and the like are wrapped). */
export function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') {
    return Object.assign(new Error((value as { message: string }).message), { cause: value });
  }
  return new Error(String(value));
}

/** `Name: message` of a failure, for an error text. */
function describeCause(cause: unknown): string {
  const error = asError(cause);
  return `${error.name}: ${error.message}`;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
