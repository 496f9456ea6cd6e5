"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FailureClock = void 0;
/** Most messages remembered; the oldest are forgotten first so memory stays bounded. */
const MAX_TRACKED = 10_000;
/**
 * Remembers when each message (by its redelivery-stable key) first failed,
 * for the dead-letter record's `firstFailureAt`. In memory: after a restart
 * the first failure seen by this process counts as the first.
 */
class FailureClock {
    firstFailures = new Map();
    failed(key, now = new Date()) {
        if (this.firstFailures.has(key))
            return;
        if (this.firstFailures.size >= MAX_TRACKED) {
            const oldest = this.firstFailures.keys().next().value;
            if (oldest !== undefined)
                this.firstFailures.delete(oldest);
        }
        this.firstFailures.set(key, now);
    }
    firstFailure(key, now = new Date()) {
        return this.firstFailures.get(key) ?? now;
    }
    forget(key) {
        this.firstFailures.delete(key);
    }
    /** Whether any failure is remembered: while none is, a settled message has nothing to forget (and its key need not be computed). */
    get isEmpty() {
        return this.firstFailures.size === 0;
    }
}
exports.FailureClock = FailureClock;
//# sourceMappingURL=failure-clock.js.map