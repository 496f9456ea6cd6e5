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

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
