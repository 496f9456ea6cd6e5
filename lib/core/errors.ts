/**
 * Typed errors of nestjs-ack. Match them with `instanceof` (or by `name`
 * across copies of the package), never by message text.
 */

/**
 * Base of every error nestjs-ack throws itself. Its `code` is stable across
 * versions (`ACK_...`, one per class): match the class or the code.
 */
export class AckError extends Error {
  /** Stable across versions: match it, not the message. */
  readonly code: string = 'ACK_ERROR';

  constructor(message: string, options?: { cause?: unknown }) {
    super(`nestjs-ack: ${message}`, options);
    this.name = new.target.name;
  }
}

/** An option is missing or has a value outside what is allowed; thrown by constructors, at start-up. */
export class InvalidOptionError extends AckError {
  override readonly code = 'ACK_INVALID_OPTION';

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
  override readonly code = 'ACK_CLOSED_DURING_START';

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
  override readonly code = 'ACK_BROKER_UNAVAILABLE';

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
  override readonly code = 'ACK_BROKER_CONFIGURATION';

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
 * Options that each pass their own check but not together (two ways of naming
 * the same thing, a value another option rules out); thrown at start-up.
 */
export class ConflictingOptionsError extends AckError {
  override readonly code = 'ACK_CONFLICTING_OPTIONS';

  constructor(
    /** The options involved, for example `['url', 'urls']`. */
    readonly options: string[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * A settle command could not reach the broker because the delivery's channel,
 * partition or connection is gone. The broker redelivers the message.
 */
export class DeliveryGoneError extends AckError {
  override readonly code = 'ACK_DELIVERY_GONE';
}

/** The broker accepted a publish but no queue or stream took the message (RabbitMQ `mandatory` return). */
export class UnroutableMessageError extends AckError {
  override readonly code = 'ACK_UNROUTABLE';
}

/** The dead-letter target refused the entry (too large, full, missing): the source stays unsettled. */
export class DeadLetterRefusedError extends AckError {
  override readonly code = 'ACK_DEAD_LETTER_REFUSED';
}

/** A `@MessagePattern` handler on a transport that cannot carry replies. */
export class RepliesNotSupportedError extends AckError {
  override readonly code = 'ACK_REPLIES_NOT_SUPPORTED';
}

/**
 * The connection, channel or client an operation needs is closed (closed by
 * the application, ended by the broker, or given up after `reconnect.maxAttempts`).
 */
export class ConnectionClosedError extends AckError {
  override readonly code = 'ACK_CONNECTION_CLOSED';
}

/** Every address of the broker refused the connection; the `cause` is the last failure. */
export class ConnectFailedError extends AckError {
  override readonly code = 'ACK_CONNECT_FAILED';
}

/** A publish was not confirmed by the broker (within `publishTimeoutMs`, or refused). */
export class PublishFailedError extends AckError {
  override readonly code = 'ACK_PUBLISH_FAILED';
}

/** A request ended without a reply because its client closed (or its reply channel went away). */
export class RequestAbandonedError extends AckError {
  override readonly code = 'ACK_REQUEST_ABANDONED';
}

/** An awaited step did not finish in its time. */
export class AckTimeoutError extends AckError {
  override readonly code = 'ACK_TIMEOUT';
}

/** The broker answered with an error or in a way the library cannot go on from (the message says which). */
export class BrokerError extends AckError {
  override readonly code = 'ACK_BROKER_ERROR';
}

/** A call made in a state that does not allow it (a settled message, a transaction already running). */
export class InvalidStateError extends AckError {
  override readonly code = 'ACK_INVALID_STATE';
}

/** The server has no single underlying client to `unwrap()`. */
export class UnwrapNotSupportedError extends AckError {
  override readonly code = 'ACK_UNWRAP_NOT_SUPPORTED';
}

/**
 * Why a delivery was dead-lettered before any handler ran: its `code` names
 * the check it failed, also on the dead-letter record (`errorName`).
 */
export abstract class MessageRefusedError extends AckError {}

/** The body could not be decoded (not UTF-8, not the wire format, no pattern, a Kafka tombstone). */
export class UndecodableMessageError extends MessageRefusedError {
  override readonly code = 'ACK_UNDECODABLE_MESSAGE';
}

/** Body and headers together are over `maxMessageBytes`. */
export class MessageTooLargeError extends MessageRefusedError {
  override readonly code = 'ACK_MESSAGE_TOO_LARGE';
}

/** The body names a pattern the address it came on does not serve. */
export class PatternMismatchError extends MessageRefusedError {
  override readonly code = 'ACK_PATTERN_MISMATCH';
}

/** A request's reply address is not in `replyAddresses`. */
export class ReplyAddressRefusedError extends MessageRefusedError {
  override readonly code = 'ACK_REPLY_ADDRESS_REFUSED';
}

/** No handler serves the message's pattern. */
export class NoHandlerError extends MessageRefusedError {
  override readonly code = 'ACK_NO_HANDLER';
}

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

/** `JSON.stringify`, or `String(value)` where JSON cannot express it (cycles, BigInt). */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
