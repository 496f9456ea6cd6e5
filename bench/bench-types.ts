// The shapes of a benchmark run and its results: bench/run.ts writes them, bench/report.ts reads them
// (in a file of their own, so that neither imports the other).
import type { HandlerKind, Role } from './measure';

export interface Mode {
  name: 'full' | 'quick';
  rounds: number;
  /**
   * Unmeasured drains of each contender before the no-op rounds: the JIT warms
   * up on every contender's code alike, so a 20,000-message backlog (tens of
   * milliseconds for raw kafkajs) measures each at its steady speed, not its compile time.
   */
  warmupRounds: number;
  /** Backlog drained per round with a no-op handler. */
  messages: number;
  /** Slow handlers drain a backlog of about this many seconds' work (at the contender's window), at most `messages`. */
  slowSeconds: number;
  handlers: HandlerKind[];
  latencySeconds: number;
  latencyRate: number;
  /** Backlog of the peak-RSS run; 0 = skipped. */
  rssMessages: number;
  rssRoles: Role[];
}

export interface Throughput {
  label: string;
  rounds: number[];
  median: number;
  messages: number;
  /**
   * CPU time this process spent per settled message (µs, user + system, first
   * to last settlement), per round and median: the consumer's own cost, which
   * other work on a loaded machine disturbs far less than wall time. Absent in
   * results written before it was measured.
   */
  cpuMicrosRounds?: number[];
  cpuMicros?: number;
}

export interface Latency {
  label: string;
  rate: number;
  samples: number;
  p50: number;
  p99: number;
}

export interface Rss {
  label: string;
  messages: number;
  peakMb: number;
  startMb: number;
  perSecond: number;
}

export interface RowResult {
  id: string;
  title: string;
  version: string;
  concurrency: number;
  labels: Partial<Record<Role, string>>;
  throughput: Partial<Record<HandlerKind, Partial<Record<Role, Throughput>>>>;
  latency: Partial<Record<Role, Latency>>;
  rss: Partial<Record<Role, Rss>>;
  errors: string[];
}

export interface RunResult {
  mode: Mode;
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; node: string; os: string; memoryGb: number; loadBefore: number[]; loadAfter: number[] };
  rows: RowResult[];
  extra: Array<{ title: string; results: Array<{ name: string; perSecond: number }> }>;
}

/** What a run asks of a transport's extra measurement. */
export interface ExtraRun {
  mode: Mode;
  /** Only these contenders (--roles); absent: all. */
  roles?: Role[];
  handlers: HandlerKind[];
  log(line: string): void;
}

/** A measurement of one transport's own beside its rows (test/transports.ts `bench.extra`); undefined when this run does not ask for it. */
export type ExtraBench = (run: ExtraRun) => Promise<RunResult['extra'][number] | undefined>;
