"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.waitFor = waitFor;
exports.waitForEqual = waitForEqual;
/** Polls `condition` until it returns a truthy value or `timeoutMs` passes; never a blind sleep. */
async function waitFor(condition, { timeoutMs = 10_000, intervalMs = 25, message = 'condition' } = {}) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    for (;;) {
        try {
            const value = await condition();
            if (value)
                return value;
        }
        catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}
/** Asserts that `value()` keeps equal to `expected` while `whileTrue` work completes (e.g. a later message is processed). */
async function waitForEqual(read, expected, options = {}) {
    let last;
    await waitFor(async () => {
        last = await read();
        return JSON.stringify(last) === JSON.stringify(expected);
    }, { ...options, message: `${options.message ?? 'value'} to equal ${JSON.stringify(expected)} (last ${JSON.stringify(last)})` });
}
//# sourceMappingURL=wait-for.js.map