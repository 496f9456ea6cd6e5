"use strict";
/**
 * Typed errors of nestjs-ack. Match them with `instanceof` (or by `name`
 * across copies of the package), never by message text.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.RepliesNotSupportedError = exports.DeadLetterRefusedError = exports.UnroutableMessageError = exports.DeliveryGoneError = exports.ClosedDuringStartError = exports.InvalidOptionError = exports.AckError = void 0;
exports.asError = asError;
/** Base of every error nestjs-ack throws itself. */
class AckError extends Error {
    constructor(message, options) {
        super(`nestjs-ack: ${message}`, options);
        this.name = new.target.name;
    }
}
exports.AckError = AckError;
/** An option is missing or has a value outside what is allowed; thrown by constructors, at start-up. */
class InvalidOptionError extends AckError {
    option;
    constructor(
    /** The option's path, for example `retry.backoff.jitter`. */
    option, value, allowed) {
        super(`invalid ${option} ${safeStringify(value)}; allowed: ${allowed}`);
        this.option = option;
    }
}
exports.InvalidOptionError = InvalidOptionError;
/** `close()` was called while `listen()` was still starting: the start was cancelled. */
class ClosedDuringStartError extends AckError {
    constructor() {
        super('the server was closed while it was starting');
    }
}
exports.ClosedDuringStartError = ClosedDuringStartError;
/**
 * A settle command could not reach the broker because the delivery's channel,
 * partition or connection is gone. The broker redelivers the message.
 */
class DeliveryGoneError extends AckError {
}
exports.DeliveryGoneError = DeliveryGoneError;
/** The broker accepted a publish but no queue or stream took the message (RabbitMQ `mandatory` return). */
class UnroutableMessageError extends AckError {
}
exports.UnroutableMessageError = UnroutableMessageError;
/** The dead-letter target refused the entry (too large, full, missing): the source stays unsettled. */
class DeadLetterRefusedError extends AckError {
}
exports.DeadLetterRefusedError = DeadLetterRefusedError;
/** A `@MessagePattern` handler on a transport that cannot carry replies. */
class RepliesNotSupportedError extends AckError {
}
exports.RepliesNotSupportedError = RepliesNotSupportedError;
/** Any thrown value as an `Error` (strings, plain objects and the like are wrapped). */
function asError(value) {
    if (value instanceof Error)
        return value;
    if (typeof value === 'object' && value !== null && typeof value.message === 'string') {
        return Object.assign(new Error(value.message), { cause: value });
    }
    return new Error(String(value));
}
function safeStringify(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
//# sourceMappingURL=errors.js.map