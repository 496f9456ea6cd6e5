import 'reflect-metadata';
import { type DynamicModule, type Type } from '@nestjs/common';
/** One measured run: messages settled per second. */
export interface BenchResult {
    name: string;
    messages: number;
    seconds: number;
    perSecond: number;
}
/** Who a contender is: the table has one column per role. */
export type Role = 'raw' | 'raw-alt' | 'nest' | 'ours' | 'ours+module';
/** What every consumer's handler does with a message's data: nothing, or await 1 or 5 ms. */
export type Work = (data: any) => unknown;
export type HandlerKind = 'noop' | '1ms' | '5ms';
export declare const WORK: Record<HandlerKind, Work>;
/** Runs `work` and `then` after it: synchronously when `work` returned a plain value. */
export declare function after(result: unknown, then: () => void): void | Promise<void>;
/** One consumer of a broker's backlog: starts consuming `backlog`, calling `work` per message and `tick` once it is settled. */
export interface Contender {
    role: Role;
    label: string;
    start(backlog: string, work: Work, tick: () => void): Promise<() => Promise<void>>;
}
/** A broker's row: how to fill a backlog, publish live, read its version, and its contenders. */
export interface BrokerBench {
    id: string;
    title: string;
    /** In-flight window every contender gets (prefetch, batch, partitions). */
    concurrency: number;
    /** Publish rate of the latency run when the mode's would saturate this broker's contenders. */
    latencyRate?: number;
    contenders: Contender[];
    /** A fresh (or reusable, when the broker allows consumers to reread it) backlog of `messages` `{ i }` messages; 0 = empty. */
    fill(messages: number): Promise<string>;
    /** Publishes `data` to `backlog`, live; resolves when sent. */
    publisher(backlog: string): Promise<{
        publish(data: object): Promise<void> | void;
        close(): Promise<void>;
    }>;
    version(): Promise<string>;
    cleanup(): Promise<void>;
}
/**
 * Counts settled messages and times them from the first to the last, so
 * connection set-up and topology declaration stay out of the figure for every
 * contender alike.
 */
export declare function settleMeter(name: string, messages: number): {
    tick: () => void;
    result: Promise<BenchResult>;
};
export declare function round(value: number, digits?: number): number;
export declare function median(values: number[]): number;
export declare function percentile(values: number[], p: number): number;
export declare function sleep(ms: number): Promise<void>;
export declare function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T>;
/**
 * An application module with one controller whose `@EventPattern(pattern)`
 * handler is `handle(data, ctx)`, declared at run time (Kafka's patterns are
 * topics, fresh per run). `ackPolicy` adds `@AckPolicy(REJECT_ON_ERROR)`,
 * `ackModule` imports `AckModule.forRoot()` as the README tells users to.
 */
export declare function benchModule(pattern: string, handle: (data: any, ctx: any) => unknown, options?: {
    ackPolicy?: boolean;
    ackModule?: boolean;
}): Type<unknown> | DynamicModule;
