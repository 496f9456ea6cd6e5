"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FetchLiveness = void 0;
exports.fetchSilenceMs = fetchSilenceMs;
/**
 * Tells a lost broker from the consumer's silence. kafkajs 2.2.4 emits no event
 * when it loses a broker connection and rides the outage out with its own
 * retries (no crash), but a running consumer fetches every `maxWaitTimeInMs`
 * and emits `FETCH` after each answer: no answer for `silenceMs` while
 * partitions are assigned means the broker is gone; the next answer means it
 * is back. Pure logic: the server feeds it the clock and the kafkajs events.
 */
class FetchLiveness {
    silenceMs;
    lastAnswer;
    down = false;
    constructor(
    /** Silence that counts as a lost broker. */
    silenceMs, now) {
        this.silenceMs = silenceMs;
        this.lastAnswer = now;
    }
    get isDown() {
        return this.down;
    }
    /** A fetch or a group join answered. True when this ends a reported outage. */
    answered(now) {
        this.lastAnswer = now;
        const ended = this.down;
        this.down = false;
        return ended;
    }
    /** The outage is known another way (a consumer crash). True when it was not reported yet. */
    markDown() {
        const fresh = !this.down;
        this.down = true;
        return fresh;
    }
    /**
     * Called on a timer. True when the silence just became an outage. A consumer
     * without partitions has nothing to fetch: its silence says nothing.
     */
    check(now, fetching) {
        if (!fetching) {
            this.lastAnswer = now;
            return false;
        }
        if (this.down || now - this.lastAnswer < this.silenceMs)
            return false;
        this.down = true;
        return true;
    }
}
exports.FetchLiveness = FetchLiveness;
/** The silence that counts as a lost broker: 10 fetch waits, at least 5 s (a loaded machine may stall a fetch for seconds). */
function fetchSilenceMs(maxWaitTimeInMs) {
    return Math.max(5_000, 10 * maxWaitTimeInMs);
}
//# sourceMappingURL=fetch-liveness.js.map