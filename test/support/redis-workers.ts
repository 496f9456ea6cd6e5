import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

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
export function startRedisWorker(stream: string, group: string, name: string, minIdleMs: number, hangAfter?: number): RedisWorker {
  const child = spawn(process.execPath, [join(__dirname, 'redis-worker.js'), group, name, String(minIdleMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, REDIS_WORKER_STREAM: stream, ...(hangAfter === undefined ? {} : { REDIS_WORKER_HANG_AFTER: String(hangAfter) }) },
  });
  let markReady: () => void = () => undefined;
  const worker: RedisWorker = {
    name,
    process: child,
    ready: new Promise<void>((resolve) => (markReady = resolve)),
    started: [],
    processed: [],
    exited: new Promise<void>((resolve) => child.once('exit', () => resolve())),
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'ready') markReady();
    const match = /^(started|processed) (\d+)$/.exec(line);
    if (match) worker[match[1] as 'started' | 'processed'].push(Number(match[2]));
  });
  return worker;
}
