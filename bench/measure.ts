import 'reflect-metadata';
import { Controller, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AckModule, AckPolicy } from '../lib';

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

export const WORK: Record<HandlerKind, Work> = {
  noop: () => undefined,
  '1ms': () => sleep(1),
  '5ms': () => sleep(5),
};

/** Runs `work` and `then` after it: synchronously when `work` returned a plain value. */
export function after(result: unknown, then: () => void): void | Promise<void> {
  if (result && typeof (result as Promise<unknown>).then === 'function') return (result as Promise<unknown>).then(then);
  then();
}

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
  publisher(backlog: string): Promise<{ publish(data: object): Promise<void> | void; close(): Promise<void> }>;
  version(): Promise<string>;
  cleanup(): Promise<void>;
}

/**
 * Counts settled messages and times them from the first to the last, so
 * connection set-up and topology declaration stay out of the figure for every
 * contender alike.
 */
export function settleMeter(name: string, messages: number): { tick: () => void; result: Promise<BenchResult> } {
  let seen = 0;
  let first = 0n;
  let resolve!: (result: BenchResult) => void;
  const result = new Promise<BenchResult>((r) => (resolve = r));
  return {
    tick: () => {
      if (seen === 0) first = process.hrtime.bigint();
      if (++seen !== messages) return;
      // The first message's own cost is not in the interval: count the other messages - 1.
      const seconds = Number(process.hrtime.bigint() - first) / 1e9;
      resolve({ name, messages, seconds: round(seconds), perSecond: Math.round((messages - 1) / seconds) });
    },
    result,
  };
}

export function round(value: number, digits = 3): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An application module with one controller whose `@EventPattern(pattern)`
 * handler is `handle(data, ctx)`, declared at run time (Kafka's patterns are
 * topics, fresh per run). `ackPolicy` adds `@AckPolicy(REJECT_ON_ERROR)`,
 * `ackModule` imports `AckModule.forRoot()` as the README tells users to.
 */
export function benchModule(pattern: string, handle: (data: any, ctx: any) => unknown, options: { ackPolicy?: boolean; ackModule?: boolean } = {}): Type<unknown> | DynamicModule {
  class BenchController {
    handle(data: unknown, ctx: unknown): unknown {
      return handle(data, ctx);
    }
  }
  const proto = BenchController.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle')!;
  Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, 'handle');
  Payload()(proto, 'handle', 0);
  Ctx()(proto, 'handle', 1);
  EventPattern(pattern)(proto, 'handle', descriptor);
  if (options.ackPolicy) AckPolicy(AckPolicy.REJECT_ON_ERROR)(proto, 'handle', descriptor);
  Controller()(BenchController);
  class BenchModule {}
  Module({ imports: options.ackModule ? [AckModule.forRoot()] : [], controllers: [BenchController] })(BenchModule);
  return BenchModule;
}
