"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.definedOnly = definedOnly;
exports.assertNumber = assertNumber;
exports.assertLimit = assertLimit;
exports.assertAddressList = assertAddressList;
const errors_1 = require("./errors");
const redact_url_1 = require("./redact-url");
/** The object without its `undefined` fields, so spreading it over defaults keeps the defaults. */
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined));
}
/** Throws `InvalidOptionError` unless `value` is a finite number >= `min` (and an integer when asked). */
function assertNumber(value, option, min, integer = false) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
        throw new errors_1.InvalidOptionError(option, value, `${integer ? 'an integer' : 'a number'} >= ${min}`);
    }
}
/** Like `assertNumber`, also accepting `Infinity` (unlimited). */
function assertLimit(value, option, min) {
    if (value === Infinity)
        return;
    assertNumber(value, option, min);
}
/**
 * Checks a list of broker addresses (`host:port` for Kafka, URLs for the
 * others): a non-empty array of strings each matching `shape`. A comma-separated
 * string is accepted too. Throws `InvalidOptionError` naming the option.
 */
function assertAddressList(value, option, shape, allowed) {
    const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
    if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== 'string' || !shape.test(item))) {
        throw new errors_1.InvalidOptionError(option, redactList(value), allowed);
    }
    return list;
}
/** Addresses may carry passwords: errors show them redacted. */
function redactList(value) {
    const redact = (item) => (typeof item === 'string' && item.includes('://') ? (0, redact_url_1.redactUrl)(item) : item);
    return Array.isArray(value) ? value.map(redact) : redact(value);
}
//# sourceMappingURL=option-checks.js.map