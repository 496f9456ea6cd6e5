import type { Settlement } from './settlement';
/**
 * Remembers that a delivery got its one final decision. The first claim wins;
 * every later one is refused, so a second ack or a policy step after a manual
 * nack never reaches the broker.
 */
export declare class SettleOnce {
    private claimed;
    private fallback;
    /** Claims the decision. Synchronous, so two concurrent callers cannot both win. */
    claim(settlement: Settlement): boolean;
    /**
     * The claimed decision could not be carried out and the broker got `settlement`
     * instead (a reject whose dead-letter target refused became a nack). The
     * delivery stays claimed: no later decision reaches the broker.
     */
    fellBackTo(settlement: Settlement): void;
    /** Closes the delivery without settling it: the broker redelivers it. Used at shutdown timeout. */
    abandon(): void;
    get isSettled(): boolean;
    /** What the broker was told: the claimed decision, or its fallback. Undefined while unsettled or when abandoned. */
    get settlement(): Settlement | undefined;
}
