/**
 * Typed errors of nestjs-ack. Match them with `instanceof` (or by `name`
 * across copies of the package), never by message text.
 */
/** Base of every error nestjs-ack throws itself. */
export declare class AckError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** An option is missing or has a value outside what is allowed; thrown by constructors, at start-up. */
export declare class InvalidOptionError extends AckError {
    /** The option's path, for example `retry.backoff.jitter`. */
    readonly option: string;
    constructor(
    /** The option's path, for example `retry.backoff.jitter`. */
    option: string, value: unknown, allowed: string);
}
/** `close()` was called while `listen()` was still starting: the start was cancelled. */
export declare class ClosedDuringStartError extends AckError {
    constructor();
}
/**
 * A settle command could not reach the broker because the delivery's channel,
 * partition or connection is gone. The broker redelivers the message.
 */
export declare class DeliveryGoneError extends AckError {
}
/** The broker accepted a publish but no queue or stream took the message (RabbitMQ `mandatory` return). */
export declare class UnroutableMessageError extends AckError {
}
/** The dead-letter target refused the entry (too large, full, missing): the source stays unsettled. */
export declare class DeadLetterRefusedError extends AckError {
}
/** A `@MessagePattern` handler on a transport that cannot carry replies. */
export declare class RepliesNotSupportedError extends AckError {
}
/** Any thrown value as an `Error` (strings, plain objects and the like are wrapped). */
export declare function asError(value: unknown): Error;
