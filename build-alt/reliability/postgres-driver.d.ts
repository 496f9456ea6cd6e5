import type { DeadLetter, Driver, RawMessage } from './drivers';
/** The queue every harness row is in (one table per scenario keeps them apart). */
export declare const POSTGRES_QUEUE = "rel";
/** The table of a harness stream name (SQL names: letters, digits, underscores). */
export declare function postgresTable(stream: string): string;
export declare class PostgresDriver implements Driver {
    readonly addresses: string[];
    readonly transport = "postgres";
    private readonly pool;
    constructor(addresses: string[]);
    private sql;
    pattern(): string;
    items(_stream: string, ids: number[]): RawMessage[];
    prepare(stream: string): Promise<void>;
    publish(stream: string, messages: RawMessage[]): Promise<void>;
    outstanding(stream: string): Promise<number>;
    deadLetters(stream: string): Promise<DeadLetter[]>;
    cleanup(stream: string): Promise<void>;
    close(): Promise<void>;
}
