"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeadLetterFailures = exports.DEAD_LETTER_LOG_INTERVAL_MS = void 0;
const retry_1 = require("./retry");
/** At most one log line per failing source in this period. */
exports.DEAD_LETTER_LOG_INTERVAL_MS = 60_000;
/**
 * Messages whose dead-letter target refused them. Each is nacked again with a
 * growing delay (the retry backoff, exponential up to its `maxDelayMs`) so it is
 * never dropped and never hammers the target, and is logged at most once per
 * `DEAD_LETTER_LOG_INTERVAL_MS`. Bounded: the oldest entries are forgotten first.
 */
class DeadLetterFailures {
    maxTracked;
    failing = new Map();
    constructor(maxTracked = 10_000) {
        this.maxTracked = maxTracked;
    }
    /** Records one more refusal; returns the nack delay and whether to log this time (with how many lines were held back). */
    refused(key, retry, now = Date.now()) {
        let entry = this.failing.get(key);
        if (!entry) {
            if (this.failing.size >= this.maxTracked)
                this.failing.delete(this.failing.keys().next().value);
            entry = { attempts: 0, lastLoggedAt: -Infinity, suppressed: 0 };
            this.failing.set(key, entry);
        }
        entry.attempts++;
        const delayMs = (0, retry_1.backoffDelay)({ ...retry.backoff, type: 'exponential' }, entry.attempts);
        if (now - entry.lastLoggedAt < exports.DEAD_LETTER_LOG_INTERVAL_MS) {
            entry.suppressed++;
            return { delayMs, log: false, suppressed: entry.suppressed };
        }
        const suppressed = entry.suppressed;
        entry.lastLoggedAt = now;
        entry.suppressed = 0;
        return { delayMs, log: true, suppressed };
    }
    /** The message was dead-lettered (or settled otherwise) at last. */
    resolved(key) {
        this.failing.delete(key);
    }
    /** Sources whose dead letter is currently refused (shown in the server's status). */
    get count() {
        return this.failing.size;
    }
}
exports.DeadLetterFailures = DeadLetterFailures;
//# sourceMappingURL=dead-letter-failures.js.map