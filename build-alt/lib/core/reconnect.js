"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_RECONNECT = void 0;
exports.resolveReconnect = resolveReconnect;
exports.reconnectDelay = reconnectDelay;
exports.reconnectLoop = reconnectLoop;
const option_checks_1 = require("./option-checks");
const retry_1 = require("./retry");
exports.DEFAULT_RECONNECT = { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2, maxAttempts: Infinity };
/** Merges reconnect options over the defaults, naming the bad option. */
function resolveReconnect(options, optionName = 'reconnect') {
    const merged = { ...exports.DEFAULT_RECONNECT, ...(0, option_checks_1.definedOnly)(options) };
    (0, option_checks_1.assertNumber)(merged.initialDelayMs, `${optionName}.initialDelayMs`, 0);
    (0, option_checks_1.assertNumber)(merged.maxDelayMs, `${optionName}.maxDelayMs`, 0);
    (0, option_checks_1.assertNumber)(merged.multiplier, `${optionName}.multiplier`, 1);
    (0, option_checks_1.assertLimit)(merged.maxAttempts, `${optionName}.maxAttempts`, 1);
    return merged;
}
/**
 * Wait before reconnect attempt `attempt` (1-based): the retry backoff,
 * exponential and capped, with ±20 % jitter so many clients do not reconnect
 * in lockstep.
 */
function reconnectDelay(options, attempt, random = Math.random) {
    return (0, retry_1.backoffDelay)({ type: 'exponential', jitter: 0.2, ...options }, attempt, random);
}
/**
 * Reconnects with backoff until an attempt succeeds (`true`), the owner
 * closes (`false`) or `maxAttempts` ran out (`false`). `wake()` on the
 * returned handle cuts the current wait short (used by `close()`).
 */
function reconnectLoop(options, hooks) {
    let wake = () => undefined;
    const done = (async () => {
        for (let attempt = 1; attempt <= options.maxAttempts && !hooks.isClosed(); attempt++) {
            hooks.onAttempt?.(attempt);
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, reconnectDelay(options, attempt));
                wake = () => {
                    clearTimeout(timer);
                    resolve();
                };
            });
            if (hooks.isClosed())
                return false;
            try {
                await hooks.connect();
                return true;
            }
            catch (error) {
                hooks.onAttemptFailed?.(error, attempt);
            }
        }
        return false;
    })();
    return { done, wake: () => wake() };
}
//# sourceMappingURL=reconnect.js.map