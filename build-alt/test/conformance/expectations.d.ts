import type { AckPolicy } from '../../lib/core';
import type { Behavior } from './cells';
/** The broker-side end state of a cell's message. */
export type FinalState = {
    state: 'acked';
} | {
    state: 'dead-lettered';
    reason: string;
    errorName?: string;
    errorMessageIncludes?: string;
}
/** Not settled: the broker still holds it for redelivery. */
 | {
    state: 'unsettled';
};
export interface CellExpectation {
    final: FinalState;
    /** Deliveries the handler pipeline sees (2 = maxDeliveries in the matrix, for nacks). */
    deliveries: number;
    /** For requests: a value reply or an error reply. */
    reply: 'value' | 'error';
    /** Results of the handler's own ack() calls. */
    manualResults: boolean[];
    /** Result of the reject({ reason: 'late' }) the suite calls after the handler returned. */
    lateSettleResult?: boolean;
}
/** maxDeliveries used by the matrix. */
export declare const MATRIX_MAX_DELIVERIES = 2;
/** What the contract says happens to one delivery under `policy` when the handler does `behavior`. */
export declare function expectCell(policy: AckPolicy, behavior: Behavior): CellExpectation;
