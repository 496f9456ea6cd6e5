import { Pool } from 'pg';
export declare const POSTGRES_URL: string;
/** A table name no earlier run used (SQL names: letters, digits, underscores). */
export declare function uniqueTable(prefix: string): string;
export declare function testPool(): Pool;
export declare function endTestPool(): Promise<void>;
/** Drops the message table of `table` and its replies table. */
export declare function dropTables(table: string, schema?: string): Promise<void>;
/** Rows of `table` by state, e.g. `{ COMPLETED: 3, FAILED: 1 }`. */
export declare function statesOf(table: string, where?: string, values?: unknown[]): Promise<Record<string, number>>;
