import { type ChildProcess } from 'node:child_process';
import type { WorkerConfig } from './worker';
/** Everything the workers of one scenario run reported, across restarts. */
export declare class Tally {
    /** Successful handler runs per id (more than 1: a duplicate). */
    readonly ok: Map<number, number>;
    /** Per id: "<pid>:<delivery count>[@<message key>]" of each successful run (to explain duplicates). */
    readonly runs: Map<number, string[]>;
    /** Called after each handler run with the total so far (precise kill points). */
    onHandled?: (handled: number) => void;
    private readonly reachers;
    /** Resolves, from the very line that got there, once `processed` distinct ids were processed; `then` runs synchronously at that point. */
    reach(processed: number, then?: () => void): Promise<void>;
    /** @internal */
    checkReached(): void;
    /** Failed handler runs per id (poison / flaky). */
    readonly fails: Map<number, number>;
    /** Highest delivery count seen per id. */
    readonly maxDelivery: Map<number, number>;
    /** Bad inputs that reached the handler, with their delivery count. */
    readonly bad: Array<{
        what: string;
        deliveryCount: number;
    }>;
    readonly status: string[];
    readonly unhandled: string[];
    stderrLines: number;
    readonly stderrSample: string[];
    handled: number;
    get processed(): number;
    get duplicates(): number;
    /** A few duplicated ids with where and at which delivery each run happened. */
    duplicateSample(limit?: number): string;
    lost(ids: Iterable<number>): number[];
}
export interface Worker {
    readonly process: ChildProcess;
    readonly ready: Promise<void>;
    readonly exited: Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
    }>;
    closed?: {
        ms: number;
        startedAfterTerm: number;
        inFlightAtTerm: number;
    };
}
/** Kills every worker still running (the runner's exit path). */
export declare function killAllWorkers(): void;
export declare function startWorker(config: WorkerConfig, tally: Tally): Worker;
/** SIGKILL, and wait until the process is gone. */
export declare function kill(worker: Worker): Promise<void>;
/** SIGTERM (graceful close), and wait for the exit; SIGKILL after `limitMs`. */
export declare function terminate(worker: Worker, limitMs?: number): Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
}>;
