/**
 * Tells a lost broker from the consumer's silence. kafkajs 2.2.4 emits no event
 * when it loses a broker connection and rides the outage out with its own
 * retries (no crash), but a running consumer fetches every `maxWaitTimeInMs`
 * and emits `FETCH` after each answer: no answer for `silenceMs` while
 * partitions are assigned means the broker is gone; the next answer means it
 * is back. Pure logic: the server feeds it the clock and the kafkajs events.
 */
export declare class FetchLiveness {
    /** Silence that counts as a lost broker. */
    readonly silenceMs: number;
    private lastAnswer;
    private down;
    constructor(
    /** Silence that counts as a lost broker. */
    silenceMs: number, now: number);
    get isDown(): boolean;
    /** A fetch or a group join answered. True when this ends a reported outage. */
    answered(now: number): boolean;
    /** The outage is known another way (a consumer crash). True when it was not reported yet. */
    markDown(): boolean;
    /**
     * Called on a timer. True when the silence just became an outage. A consumer
     * without partitions has nothing to fetch: its silence says nothing.
     */
    check(now: number, fetching: boolean): boolean;
}
/** The silence that counts as a lost broker: 10 fetch waits, at least 5 s (a loaded machine may stall a fetch for seconds). */
export declare function fetchSilenceMs(maxWaitTimeInMs: number): number;
