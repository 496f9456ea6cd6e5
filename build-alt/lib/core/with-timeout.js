"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withTimeout = withTimeout;
/** Resolves or rejects with `promise`, or rejects with `Error(message)` after `ms` (at least 0); the timer never outlives the race. */
async function withTimeout(promise, ms, message) {
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), Math.max(0, ms))));
    try {
        return await Promise.race([promise, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=with-timeout.js.map