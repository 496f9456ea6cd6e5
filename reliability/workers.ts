// Consumer processes of a scenario and what they reported (see worker.ts for the line format).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { WorkerConfig } from './worker';

/** Everything the workers of one scenario run reported, across restarts. */
export class Tally {
  /** Successful handler runs per id (more than 1: a duplicate). */
  readonly ok = new Map<number, number>();
  /** Per id: "<pid>:<delivery count>[@<message key>]" of each successful run (to explain duplicates). */
  readonly runs = new Map<number, string[]>();
  /** Called after each handler run with the total so far (precise kill points). */
  onHandled?: (handled: number) => void;
  private readonly reachers: Array<{ processed: number; resolve: () => void }> = [];

  /** Resolves, from the very line that got there, once `processed` distinct ids were processed; `then` runs synchronously at that point. */
  reach(processed: number, then?: () => void): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        then?.();
        resolve();
      };
      if (this.processed >= processed) done();
      else this.reachers.push({ processed, resolve: done });
    });
  }

  /** @internal */
  checkReached(): void {
    for (let i = this.reachers.length - 1; i >= 0; i--) {
      if (this.processed >= this.reachers[i].processed) this.reachers.splice(i, 1)[0].resolve();
    }
  }
  /** Failed handler runs per id (poison / flaky). */
  readonly fails = new Map<number, number>();
  /** Highest delivery count seen per id. */
  readonly maxDelivery = new Map<number, number>();
  /** Bad inputs that reached the handler, with their delivery count. */
  readonly bad: Array<{ what: string; deliveryCount: number }> = [];
  readonly status: string[] = [];
  readonly unhandled: string[] = [];
  stderrLines = 0;
  readonly stderrSample: string[] = [];
  handled = 0;

  get processed(): number {
    return this.ok.size;
  }

  get duplicates(): number {
    let extra = 0;
    for (const count of this.ok.values()) extra += count - 1;
    return extra;
  }

  /** A few duplicated ids with where and at which delivery each run happened. */
  duplicateSample(limit = 5): string {
    return [...this.ok.entries()].filter(([, count]) => count > 1).slice(0, limit).map(([id]) => `${id} [${this.runs.get(id)?.join(' ')}]`).join(', ');
  }

  lost(ids: Iterable<number>): number[] {
    return [...ids].filter((id) => !this.ok.has(id));
  }
}

export interface Worker {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  closed?: { ms: number; startedAfterTerm: number; inFlightAtTerm: number };
}

const WORKER = join(__dirname, 'worker.js');
const live = new Set<ChildProcess>();

/** Kills every worker still running (the runner's exit path). */
export function killAllWorkers(): void {
  for (const child of live) child.kill('SIGKILL');
}

export function startWorker(config: WorkerConfig, tally: Tally): Worker {
  const child = spawn(process.execPath, [WORKER], {
    env: { ...process.env, WORKER_CONFIG: JSON.stringify(config), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  const worker: Worker = {
    process: child,
    ready,
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        live.delete(child);
        failReady(new Error(`worker exited before ready (code ${code}, signal ${signal}); stderr: ${tally.stderrSample.slice(-3).join(' | ')}`));
        resolve({ code, signal });
      }),
    ),
  };
  ready.catch(() => undefined);
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const [kind, a, b, c] = line.split(' ');
    switch (kind) {
      case 'ok':
      case 'fail': {
        const id = Number(a);
        const map = kind === 'ok' ? tally.ok : tally.fails;
        map.set(id, (map.get(id) ?? 0) + 1);
        tally.maxDelivery.set(id, Math.max(tally.maxDelivery.get(id) ?? 0, Number(b)));
        if (kind === 'ok') {
          const runs = tally.runs.get(id) ?? [];
          runs.push(`${child.pid}:${b}${c ? `@${c}` : ''}`);
          tally.runs.set(id, runs);
        }
        tally.handled++;
        tally.onHandled?.(tally.handled);
        tally.checkReached();
        break;
      }
      case 'bad':
        tally.bad.push({ what: a, deliveryCount: Number(b) });
        break;
      case 'status':
        tally.status.push(a);
        break;
      case 'ready':
        markReady();
        break;
      case 'closed':
        worker.closed = { ms: Number(a), startedAfterTerm: Number(b), inFlightAtTerm: Number(c) };
        break;
      case 'unhandled':
        tally.unhandled.push(line.slice(10));
        break;
      default:
        tally.unhandled.push(`unexpected worker output: ${line.slice(0, 200)}`);
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    tally.stderrLines++;
    tally.stderrSample.push(line.slice(0, 300));
    if (tally.stderrSample.length > 20) tally.stderrSample.shift();
    if (process.env.RELIABILITY_VERBOSE) process.stderr.write(`  [worker ${child.pid}] ${line}\n`);
  });
  return worker;
}

/** SIGKILL, and wait until the process is gone. */
export async function kill(worker: Worker): Promise<void> {
  worker.process.kill('SIGKILL');
  await worker.exited;
}

/** SIGTERM (graceful close), and wait for the exit; SIGKILL after `limitMs`. */
export async function terminate(worker: Worker, limitMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (worker.process.exitCode !== null || worker.process.signalCode !== null) return worker.exited;
  if (!worker.process.killed) worker.process.kill('SIGTERM');
  const timer = setTimeout(() => worker.process.kill('SIGKILL'), limitMs);
  try {
    return await worker.exited;
  } finally {
    clearTimeout(timer);
  }
}
