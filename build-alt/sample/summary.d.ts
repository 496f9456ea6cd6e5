import { type SettlementEvent } from '../lib';
import type { BrokerView } from './transport';
/** A summary row: a policy, or the messages no handler could take. */
export type RowLabel = string;
export declare const UNDECODABLE = "(undecodable)";
export declare const NO_HANDLER = "(no handler)";
/** The row a message belongs to: refused messages by why, the rest by their handler's policy. */
export declare function rowOf(pattern: string, rejectReason?: string): RowLabel;
export interface RowCounts {
    sent: number;
    acked: number;
    retried: number;
    deadLettered: number;
}
/** Counts per row, from the server's `settled` events. */
export declare class SettlementTally {
    readonly rows: Map<string, RowCounts>;
    /** Final settlements (ack or dead letter) so far. */
    final: number;
    expect(row: RowLabel, messages?: number): void;
    record(event: SettlementEvent): void;
    get sent(): number;
    private row;
}
/** The summary table, one line per row. */
export declare function summaryLines(tally: SettlementTally): string[];
/**
 * Where the server's account and the broker's disagree, or something was not
 * settled: one line each; empty when everything matches.
 */
export declare function disagreements(tally: SettlementTally, broker: BrokerView): string[];
/** What the comparison covered on this broker, for the last line. */
export declare function comparedFigures(broker: BrokerView): string;
