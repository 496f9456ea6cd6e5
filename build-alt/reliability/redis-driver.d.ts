import type { DeadLetter, Driver, RawMessage } from './drivers';
export declare class RedisDriver implements Driver {
    readonly addresses: string[];
    readonly transport = "redis";
    private readonly redis;
    constructor(addresses: string[]);
    /** The handler pattern is the stream's name. */
    pattern(stream: string): string;
    items(stream: string, ids: number[]): RawMessage[];
    prepare(): Promise<void>;
    publish(stream: string, messages: RawMessage[]): Promise<void>;
    /** Pending entries of the group plus those it has not read yet (the whole stream when it has no group). */
    outstanding(stream: string, group?: string): Promise<number>;
    deadLetters(stream: string): Promise<DeadLetter[]>;
    cleanup(stream: string, _group?: string, extra?: string[]): Promise<void>;
    close(): Promise<void>;
}
