import type { AckServerOptions } from '../../lib/core';
import type { ConformanceAdapter, ConformanceTarget, DeadLetterView } from './adapter';
import { type CellSpec } from './cells';
import { type FinalState } from './expectations';
import { type PatternProbe } from './probe';
export declare const FAST_RETRY: {
    maxDeliveries: number;
    backoff: {
        type: 'fixed';
        initialDelayMs: number;
        jitter: number;
    };
};
export declare const TEST_TIMEOUT: {
    timeout: number;
};
export declare const DATA: {
    n: number;
};
export interface Started {
    target: ConformanceTarget;
    probe: (pattern: string) => PatternProbe;
}
/** Starts an app with `cells`, runs `body`, always closes it. */
export declare function withTarget(adapter: ConformanceAdapter, cells: CellSpec[], serverOptions: AckServerOptions, body: (started: Started) => Promise<void>, extraPatterns?: string[]): Promise<void>;
export declare function sendAndCollect(target: ConformanceTarget, cell: CellSpec): Promise<Promise<{
    value?: unknown;
    error?: unknown;
}> | undefined>;
export declare function handledCounts(probe: PatternProbe): number[];
export declare function range(count: number): number[];
/** Asserts the broker state of the pattern's single message. */
export declare function assertFinal(target: ConformanceTarget, pattern: string, final: FinalState, deliveries: number): Promise<DeadLetterView | undefined>;
