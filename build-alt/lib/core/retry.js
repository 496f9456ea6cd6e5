"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveRetry = resolveRetry;
exports.backoffDelay = backoffDelay;
exports.decideNack = decideNack;
const errors_1 = require("./errors");
const option_checks_1 = require("./option-checks");
const retry_options_1 = require("./retry-options");
/** Merges user retry options over the defaults and validates them, naming the bad option. */
function resolveRetry(optionName, ...layers) {
    const merged = { maxDeliveries: retry_options_1.DEFAULT_RETRY.maxDeliveries, backoff: { ...retry_options_1.DEFAULT_RETRY.backoff } };
    for (const layer of layers) {
        if (!layer)
            continue;
        if (layer.maxDeliveries !== undefined)
            merged.maxDeliveries = layer.maxDeliveries;
        Object.assign(merged.backoff, (0, option_checks_1.definedOnly)(layer.backoff));
    }
    const { backoff } = merged;
    (0, option_checks_1.assertNumber)(merged.maxDeliveries, `${optionName}.maxDeliveries`, 1);
    if (backoff.type !== 'fixed' && backoff.type !== 'exponential') {
        throw new errors_1.InvalidOptionError(`${optionName}.backoff.type`, backoff.type, 'fixed, exponential');
    }
    (0, option_checks_1.assertNumber)(backoff.initialDelayMs, `${optionName}.backoff.initialDelayMs`, 0);
    (0, option_checks_1.assertNumber)(backoff.multiplier, `${optionName}.backoff.multiplier`, 1);
    (0, option_checks_1.assertNumber)(backoff.maxDelayMs, `${optionName}.backoff.maxDelayMs`, 0);
    if (!(backoff.jitter >= 0 && backoff.jitter <= 1)) {
        throw new errors_1.InvalidOptionError(`${optionName}.backoff.jitter`, backoff.jitter, 'a number from 0 to 1');
    }
    return merged;
}
/** Delay before the next delivery of a message that was delivered `deliveryCount` times. */
function backoffDelay(backoff, deliveryCount, random = Math.random) {
    const exponent = backoff.type === 'exponential' ? Math.max(0, deliveryCount - 1) : 0;
    const base = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * backoff.multiplier ** exponent);
    const spread = base * backoff.jitter * (random() * 2 - 1);
    return Math.max(0, Math.round(Math.min(backoff.maxDelayMs, base + spread)));
}
/**
 * Applies the retry rules to a nack: past `maxDeliveries` it becomes a reject;
 * otherwise an explicit delay wins over the backoff.
 */
function decideNack(retry, deliveryCount, requestedDelayMs) {
    if (deliveryCount >= retry.maxDeliveries)
        return { kind: 'reject', reason: 'max-deliveries' };
    const delayMs = requestedDelayMs ?? backoffDelay(retry.backoff, deliveryCount);
    return { kind: 'nack', delayMs: Math.max(0, delayMs) };
}
//# sourceMappingURL=retry.js.map