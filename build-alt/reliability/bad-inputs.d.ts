import type { Driver, RawMessage } from './drivers';
export interface BadInput {
    key: string;
    message: RawMessage;
    /** A dead-letter reason, or 'processed' (a good body with odd headers: handled once, acked). */
    expect: string;
    id?: number;
    /** The handler ran once and succeeded, then the message was dead-lettered (its reply could not be published: a handler failure, per the contract). */
    processedFirst?: boolean;
}
/** `maxBodyBytes` of the bad-input worker; the oversized input is twice that, otherwise a good item. */
export declare const BAD_INPUT_MAX_BODY_BYTES: number;
/** Where the bad-input worker's request handler listens, per transport (`stream`: the scenario's). */
export declare function requestPattern(driver: Driver, stream: string): string;
export declare function badInputs(driver: Driver, stream: string): BadInput[];
