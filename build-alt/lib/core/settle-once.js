"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SettleOnce = void 0;
/**
 * Remembers that a delivery got its one final decision. The first claim wins;
 * every later one is refused, so a second ack or a policy step after a manual
 * nack never reaches the broker.
 */
class SettleOnce {
    claimed;
    fallback;
    /** Claims the decision. Synchronous, so two concurrent callers cannot both win. */
    claim(settlement) {
        if (this.claimed !== undefined)
            return false;
        this.claimed = settlement;
        return true;
    }
    /**
     * The claimed decision could not be carried out and the broker got `settlement`
     * instead (a reject whose dead-letter target refused became a nack). The
     * delivery stays claimed: no later decision reaches the broker.
     */
    fellBackTo(settlement) {
        this.fallback = settlement;
    }
    /** Closes the delivery without settling it: the broker redelivers it. Used at shutdown timeout. */
    abandon() {
        this.claimed ??= 'abandoned';
    }
    get isSettled() {
        return this.claimed !== undefined;
    }
    /** What the broker was told: the claimed decision, or its fallback. Undefined while unsettled or when abandoned. */
    get settlement() {
        return this.fallback ?? (this.claimed === 'abandoned' ? undefined : this.claimed);
    }
}
exports.SettleOnce = SettleOnce;
//# sourceMappingURL=settle-once.js.map