/** Where a message came from: topic/partition/offset, queue, stream/sequence, row id... */
export type MessageSource = Record<string, string | number>;
/** Everything a dead-letter entry carries, whatever the broker. */
export interface DeadLetterRecord {
    /** The original body, untouched. */
    body: Buffer;
    /** The original headers. */
    headers: Record<string, string>;
    source: MessageSource;
    reason: string;
    errorName?: string;
    errorMessage?: string;
    deliveryCount: number;
    firstFailureAt: Date;
    lastFailureAt: Date;
}
/** Header names used when a broker carries the record's fields as message headers. */
export declare const DeadLetterHeaders: {
    readonly REASON: 'x-dead-letter-reason';
    readonly ERROR_NAME: 'x-dead-letter-error-name';
    readonly ERROR_MESSAGE: 'x-dead-letter-error-message';
    readonly SOURCE: 'x-dead-letter-source';
    readonly DELIVERY_COUNT: 'x-dead-letter-delivery-count';
    readonly FIRST_FAILURE_AT: 'x-dead-letter-first-failure-at';
    readonly LAST_FAILURE_AT: 'x-dead-letter-last-failure-at';
};
/** The record's fields (all but body) as string headers, the original headers first. */
export declare function deadLetterHeaders(record: DeadLetterRecord): Record<string, string>;
/** Name and message of any thrown value, including Nest's erased `{ status, message }` objects. */
export declare function describeError(error: unknown): {
    errorName?: string;
    errorMessage?: string;
};
