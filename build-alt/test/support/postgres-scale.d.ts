import type { Pool } from 'pg';
import { PostgresSql } from '../../lib/postgres';
export declare const SCALE_QUEUE = "scale";
/**
 * A fresh table of `total` rows of queue `scale`, the first `completed` of them
 * COMPLETED and the rest PENDING, analyzed like autovacuum would.
 */
export declare function fillScaleTable(pool: Pool, table: string, total: number, completed: number): Promise<PostgresSql>;
/** Median ms of `rounds` claims of `batch` rows, each row then marked COMPLETED as an ack would. */
export declare function medianClaimMs(pool: Pool, sql: PostgresSql, rounds: number, batch: number): Promise<number>;
/** Index names the plan of the claim statement reads the table through, and whether it scans the table sequentially. */
export declare function claimPlan(pool: Pool, sql: PostgresSql): Promise<{
    indexes: string[];
    seqScan: boolean;
}>;
