import type { DeadLetter, Driver, RawMessage } from './drivers';
/** The JetStream stream of a harness stream name (stream names take no dots). */
export declare function natsStreamName(stream: string): string;
export declare class NatsDriver implements Driver {
    readonly addresses: string[];
    readonly transport = "nats";
    private admin?;
    constructor(addresses: string[]);
    private connection;
    pattern(stream: string): string;
    items(stream: string, ids: number[]): RawMessage[];
    prepare(stream: string, extra?: string[]): Promise<void>;
    publish(stream: string, messages: RawMessage[]): Promise<void>;
    outstanding(stream: string): Promise<number>;
    deadLetters(stream: string): Promise<DeadLetter[]>;
    cleanup(stream: string): Promise<void>;
    close(): Promise<void>;
}
/** Runs `work` again after a failure (a broker restart) for up to 2 minutes. */
export declare function retry<T>(work: () => Promise<T>, limitMs?: number): Promise<T>;
