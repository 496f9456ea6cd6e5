import { type ChildProcess } from 'node:child_process';
/** A `redis-worker.js` child process and what it reported. */
export interface RedisWorker {
    name: string;
    process: ChildProcess;
    ready: Promise<void>;
    started: number[];
    processed: number[];
    exited: Promise<void>;
}
/**
 * Starts a worker process consuming `stream` in `group` as consumer `name`.
 * `hangAfter`: once that many handlers finished, handlers that start never return (default: never hang).
 */
export declare function startRedisWorker(stream: string, group: string, name: string, minIdleMs: number, hangAfter?: number): RedisWorker;
