"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeadLetterHeaders = void 0;
exports.deadLetterHeaders = deadLetterHeaders;
exports.describeError = describeError;
/** Header names used when a broker carries the record's fields as message headers. */
exports.DeadLetterHeaders = {
    REASON: 'x-dead-letter-reason',
    ERROR_NAME: 'x-dead-letter-error-name',
    ERROR_MESSAGE: 'x-dead-letter-error-message',
    SOURCE: 'x-dead-letter-source',
    DELIVERY_COUNT: 'x-dead-letter-delivery-count',
    FIRST_FAILURE_AT: 'x-dead-letter-first-failure-at',
    LAST_FAILURE_AT: 'x-dead-letter-last-failure-at',
};
/** Longest error message kept, so a huge message cannot bloat every dead letter. */
const MAX_ERROR_MESSAGE = 1000;
/** The record's fields (all but body) as string headers, the original headers first. */
function deadLetterHeaders(record) {
    const headers = {
        ...record.headers,
        [exports.DeadLetterHeaders.REASON]: record.reason,
        [exports.DeadLetterHeaders.SOURCE]: JSON.stringify(record.source),
        [exports.DeadLetterHeaders.DELIVERY_COUNT]: String(record.deliveryCount),
        [exports.DeadLetterHeaders.FIRST_FAILURE_AT]: record.firstFailureAt.toISOString(),
        [exports.DeadLetterHeaders.LAST_FAILURE_AT]: record.lastFailureAt.toISOString(),
    };
    if (record.errorName)
        headers[exports.DeadLetterHeaders.ERROR_NAME] = record.errorName;
    if (record.errorMessage)
        headers[exports.DeadLetterHeaders.ERROR_MESSAGE] = record.errorMessage;
    return headers;
}
/** Name and message of any thrown value, including Nest's erased `{ status, message }` objects. */
function describeError(error) {
    if (error === undefined || error === null)
        return {};
    if (error instanceof Error)
        return { errorName: error.name, errorMessage: truncate(error.message) };
    if (typeof error === 'object') {
        const { name, message } = error;
        return {
            errorName: typeof name === 'string' ? name : 'Error',
            errorMessage: truncate(typeof message === 'string' ? message : safeJson(error)),
        };
    }
    return { errorName: 'Error', errorMessage: truncate(String(error)) };
}
function truncate(text) {
    return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE)}…` : text;
}
function safeJson(value) {
    try {
        return JSON.stringify(value);
    }
    catch {
        return String(value);
    }
}
//# sourceMappingURL=dead-letter-record.js.map