// The scenarios of issue 21. Each returns one Result: the counts for the table and the broken
// guarantees (an empty `failures` means it passed).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AckPolicy } from '../lib/core';
import { uniqueName } from '../test/support/names';
import { waitFor } from '../test/support/wait-for';
import { BAD_INPUT_MAX_MESSAGE_BYTES, badInputs, requestPattern } from './bad-inputs';
import { KAFKA_PARTITIONS, type DeadLetter, type Driver, type RawMessage } from './drivers';
import { chance, prng } from './seeded';
import type { WorkerConfig } from './worker';
import { kill, startWorker, Tally, terminate, type Worker } from './workers';

const run = promisify(execFile);
const CLUSTER_SH = join(__dirname, '../../scripts/cluster.sh');

export interface Result {
  transport: string;
  scenario: string;
  policy: string;
  seeds: number;
  sent: number;
  processed: number;
  duplicates: number;
  lost: number;
  deadLettered: number;
  /** The bound duplicates (and ACK_FIRST losses) must stay within; undefined: none asserted. */
  window?: number;
  notes: string[];
  failures: string[];
  durationMs: number;
}

export interface Sizes {
  kill: number;
  term: number;
  restart: number;
  poison: number;
  flaky: number;
  cluster: number;
  seeds: number;
  handlerDelayMs: number;
}

/** Private broker sets started by scripts/cluster.sh; `env` is what the script needs to find them. */
export interface BrokerSet {
  name: string;
  env: Record<string, string>;
}

export async function clusterSh(set: BrokerSet, ...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [CLUSTER_SH, ...args], { env: { ...process.env, ...set.env }, timeout: 300_000 });
  return stdout.trim();
}

export const RABBIT_PREFETCH = 20;
const RABBIT_CONCURRENCY = 10;
const KAFKA_CONCURRENCY = 3;
export const KAFKA_COMMIT_EVERY = 50;
/** The workers' `maxUncommittedPerPartition`: offsets a partition hands out past its last confirmed commit. */
export const KAFKA_MAX_UNCOMMITTED = 50;
/** NATS maxAckPending: the server lets no more deliveries out unacked (the worker pulls all of it at once). */
export const NATS_WINDOW = 20;
/** Redis and PostgreSQL handler concurrency: entries read (XREADGROUP COUNT) / rows claimed at most the free slots. */
export const SLOT_CONCURRENCY = 10;

/**
 * Duplicates a SIGKILL may cause, as each library documents its window: RabbitMQ's unacked deliveries
 * (the prefetch); Kafka's records handed out past the group's committed offset, at most
 * `maxUncommittedPerPartition` per partition the consumer owned; NATS's unacked deliveries
 * (maxAckPending); Redis's pending entries and PostgreSQL's leased rows (at most the handler slots).
 */
export function inFlightWindow(driver: Driver): number {
  switch (driver.transport) {
    case 'rabbitmq':
      return RABBIT_PREFETCH;
    case 'kafka':
      return KAFKA_PARTITIONS * KAFKA_MAX_UNCOMMITTED;
    case 'nats':
      return NATS_WINDOW;
    default:
      return SLOT_CONCURRENCY;
  }
}

function workerConfig(driver: Driver, stream: string, groupId: string, sizes: Sizes, extra: Partial<WorkerConfig>): WorkerConfig {
  return {
    transport: driver.transport,
    addresses: driver.addresses,
    queue: stream,
    pattern: driver.pattern(stream),
    groupId,
    policy: 'ACK',
    concurrency: driver.transport === 'kafka' ? KAFKA_CONCURRENCY : driver.transport === 'rabbitmq' ? RABBIT_CONCURRENCY : SLOT_CONCURRENCY,
    prefetch: RABBIT_PREFETCH,
    commitEveryN: KAFKA_COMMIT_EVERY,
    maxUncommittedPerPartition: KAFKA_MAX_UNCOMMITTED,
    natsWindow: NATS_WINDOW,
    handlerDelayMs: sizes.handlerDelayMs,
    ...extra,
  };
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

/**
 * Publishes a stream at `perSecond` (batches of 50) and never more than `ahead` beyond what
 * was processed: the stream is still flowing when a broker goes away, and publishing goes on
 * (retrying) across the outage.
 */
async function publishPaced(driver: Driver, stream: string, messages: RawMessage[], tally: Tally, perSecond: number, ahead = 150): Promise<void> {
  let due = Date.now();
  for (let start = 0; start < messages.length; start += 50) {
    due = Math.max(due, Date.now() - 1000) + (50 / perSecond) * 1000; // the rate holds after an outage too
    while (tally.processed < start - ahead || Date.now() < due) await new Promise((resolve) => setTimeout(resolve, 10));
    await driver.publish(stream, messages.slice(start, start + 50));
  }
}

/** A scenario's stream, group, tally and live workers; `finish` closes the last worker gracefully and reads the broker. */
class Run {
  readonly stream: string;
  readonly groupId = uniqueName('relg');
  readonly tally = new Tally();
  readonly workers: Worker[] = [];
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  readonly started = Date.now();

  constructor(readonly driver: Driver, scenario: string, readonly extraTopics: string[] = []) {
    this.stream = uniqueName(`rel.${scenario}`);
  }

  async prepare(): Promise<void> {
    await this.driver.prepare(this.stream, this.extraTopics.map((suffix) => `${this.stream}${suffix}`));
  }

  async start(config: WorkerConfig): Promise<Worker> {
    const worker = startWorker(config, this.tally);
    this.workers.push(worker);
    void worker.exited.then(({ code, signal }) => {
      if (signal !== 'SIGKILL' && !worker.process.killed) this.failures.push(`worker ${worker.process.pid} exited by itself (code ${code}, signal ${signal}); its last log lines: ${this.tally.stderrSample.slice(-3).join(' | ')}`);
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([worker.ready, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('worker not ready within 60 s')), 60_000)))]);
    } finally {
      clearTimeout(timer);
    }
    return worker;
  }

  check(condition: boolean, failure: string): void {
    if (!condition) this.failures.push(failure);
  }

  /** Waits; a timeout becomes a failure of the scenario instead of an exception. */
  async until(condition: () => boolean | Promise<boolean>, timeoutMs: number, message: string): Promise<boolean> {
    try {
      await waitFor(condition, { timeoutMs, intervalMs: 50, message });
      return true;
    } catch (error) {
      this.failures.push((error as Error).message);
      return false;
    }
  }

  /** Waits until `processed` ids were processed, running `then` synchronously at that point; a timeout is a failure. */
  async reach(processed: number, timeoutMs: number, then?: () => void): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const reached = await Promise.race([
      this.tally.reach(processed, then).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!reached) this.failures.push(`timed out after ${timeoutMs} ms waiting for ${processed} processed (have ${this.tally.processed})`);
    return reached;
  }

  /** No new handler run for `quietMs` (for ACK_FIRST, where processed need not reach the total). */
  async quiet(quietMs: number, timeoutMs: number): Promise<void> {
    let last = -1;
    let since = Date.now();
    await this.until(() => {
      if (this.tally.handled !== last) {
        last = this.tally.handled;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    }, timeoutMs, `handlers quiet for ${quietMs} ms`);
  }

  /** Closes the running workers gracefully; then nothing may be left outstanding on the broker. */
  async finish(): Promise<DeadLetter[]> {
    for (const worker of this.workers) await terminate(worker);
    let outstanding = -1;
    const settled = await this.until(async () => (outstanding = await this.driver.outstanding(this.stream, this.groupId)) === 0, 30_000, 'nothing outstanding on the broker (ready / uncommitted)');
    if (!settled) this.notes.push(`${outstanding} still outstanding on the broker after the last worker closed`);
    const letters = await this.driver.deadLetters(this.stream);
    this.check(this.tally.unhandled.length === 0, `unhandled errors in a worker: ${this.tally.unhandled.slice(0, 3).join(' | ')}`);
    return letters;
  }

  async cleanup(): Promise<void> {
    for (const worker of this.workers) if (worker.process.exitCode === null && worker.process.signalCode === null) await kill(worker);
    await this.driver.cleanup(this.stream, this.groupId, this.extraTopics.map((suffix) => `${this.stream}${suffix}`)).catch(() => undefined);
  }

  result(scenario: string, policy: string, sent: number, ids: number[], deadLettered: number, window?: number): Result {
    if (this.tally.duplicates > 0) this.notes.push(`duplicated (pid:delivery): ${this.tally.duplicateSample()}`);
    return {
      transport: this.driver.transport,
      scenario,
      policy,
      seeds: 1,
      sent,
      processed: this.tally.processed,
      duplicates: this.tally.duplicates,
      lost: this.tally.lost(ids).length,
      deadLettered,
      window,
      notes: this.notes,
      failures: this.failures,
      durationMs: Date.now() - this.started,
    };
  }
}

async function guarded(run: Run, scenario: string, policy: string, body: () => Promise<Result>): Promise<Result> {
  try {
    return await body();
  } catch (error) {
    run.failures.push(`crashed: ${(error as Error).stack?.split('\n').slice(0, 3).join(' ') ?? error}`);
    return run.result(scenario, policy, 0, [], 0);
  } finally {
    await run.cleanup();
  }
}

// ---------------------------------------------------------------- 1. SIGKILL mid-stream -------
export async function sigkill(driver: Driver, sizes: Sizes, policy: AckPolicy, seed: number): Promise<Result> {
  const r = new Run(driver, 'kill');
  return guarded(r, 'SIGKILL mid-stream', policy, async () => {
    const total = sizes.kill;
    const killAt = Math.floor(total * (0.1 + 0.8 * prng(seed)()));
    const window = inFlightWindow(driver);
    await r.prepare();
    const config = workerConfig(driver, r.stream, r.groupId, sizes, { policy });
    const first = await r.start(config);
    const ids = range(0, total);
    const publishing = driver.publish(r.stream, driver.items(r.stream, ids));
    publishing.catch(() => undefined); // awaited below; a failure must not go unhandled while waiting
    const killed = new Promise<void>((resolve) => {
      r.tally.onHandled = (handled) => {
        if (handled < killAt) return;
        r.tally.onHandled = undefined;
        first.process.kill('SIGKILL'); // at once, from the line that reached the point
        resolve();
      };
    });
    await r.until(() => r.tally.handled >= killAt, 120_000, `${killAt} handled before the kill`);
    await killed;
    await kill(first);
    r.notes.push(`killed at ${r.tally.handled} handled (seed ${seed}, point ${killAt})`);
    await r.start(config);
    await publishing;
    if (policy === 'ACK_FIRST') {
      await r.until(async () => (await driver.outstanding(r.stream, r.groupId)) === 0, 120_000, 'everything settled');
      await r.quiet(1000, 60_000);
    } else {
      await r.until(() => r.tally.processed === total, 180_000, `all ${total} processed (have ${r.tally.processed})`);
      // The killed worker's unacknowledged deliveries come back only after the redelivery delay (Redis minIdleMs,
      // NATS ackWaitMs, PostgreSQL leaseMs): wait for them while the new worker lives, not only for every id once.
      await r.until(async () => (await driver.outstanding(r.stream, r.groupId)) === 0, 120_000, 'everything settled on the broker');
    }
    const letters = await r.finish();
    const lost = r.tally.lost(ids).length;
    if (policy === 'ACK_FIRST') r.check(lost <= window, `ACK_FIRST lost ${lost}, more than the in-flight window ${window}`);
    else r.check(lost === 0, `lost ${lost} under ${policy}`);
    r.check(r.tally.duplicates <= window, `duplicates ${r.tally.duplicates} beyond the in-flight window ${window}`);
    r.check(letters.length === 0, `${letters.length} dead-lettered`);
    return r.result('SIGKILL mid-stream', policy, total, ids, letters.length, window);
  });
}

// ---------------------------------------------------------------- 2. SIGTERM mid-stream -------
export async function sigterm(driver: Driver, sizes: Sizes, seed: number): Promise<Result> {
  const r = new Run(driver, 'term');
  return guarded(r, 'SIGTERM mid-stream', 'ACK', async () => {
    const total = sizes.term;
    const termAt = Math.floor(total * (0.1 + 0.8 * prng(seed)()));
    const shutdownTimeoutMs = 5000;
    await r.prepare();
    // Slower handlers: a full window is in flight when the signal comes.
    const config = workerConfig(driver, r.stream, r.groupId, sizes, { policy: 'ACK', shutdownTimeoutMs, handlerDelayMs: Math.max(sizes.handlerDelayMs, 20) });
    const first = await r.start(config);
    const ids = range(0, total);
    const publishing = driver.publish(r.stream, driver.items(r.stream, ids));
    publishing.catch(() => undefined); // awaited below; a failure must not go unhandled while waiting
    r.tally.onHandled = (handled) => {
      if (handled < termAt) return;
      r.tally.onHandled = undefined;
      first.process.kill('SIGTERM');
    };
    await r.until(() => r.tally.handled >= termAt, 120_000, `${termAt} handled before SIGTERM`);
    const exit = await terminate(first, shutdownTimeoutMs + 10_000);
    r.check(exit.code === 0, `graceful close exit ${exit.code ?? exit.signal}`);
    r.check(first.closed !== undefined && first.closed.ms <= shutdownTimeoutMs, `close took ${first.closed?.ms} ms, over shutdownTimeoutMs ${shutdownTimeoutMs}`);
    r.check(first.closed?.startedAfterTerm === 0, `${first.closed?.startedAfterTerm} handlers started after SIGTERM`);
    r.notes.push(`SIGTERM at ${termAt}: close ${first.closed?.ms} ms, ${first.closed?.inFlightAtTerm} in flight finished`);
    await r.start({ ...config, handlerDelayMs: sizes.handlerDelayMs });
    await publishing;
    await r.until(() => r.tally.processed === total, 180_000, `all ${total} processed (have ${r.tally.processed})`);
    const letters = await r.finish();
    r.check(r.tally.lost(ids).length === 0, `lost ${r.tally.lost(ids).length}`);
    r.check(r.tally.duplicates === 0, `duplicates ${r.tally.duplicates} after a graceful close (must be 0)`);
    r.check(letters.length === 0, `${letters.length} dead-lettered`);
    return r.result('SIGTERM mid-stream', 'ACK', total, ids, letters.length, 0);
  });
}

// ---------------------------------------------------------------- 3. broker restart -----------
/**
 * Kafka: kafkajs rides out a short outage without an error, so the server reports one only after 5 s of
 * fetch silence (docs/kafka.md, status events); a broker back within 2 s (a quiet machine) shows no
 * outage by design. Its broker stays down 6 s, so the status check tests what is promised.
 */
function restartDowntime(transport: string): string[] {
  return transport === 'kafka' ? ['6'] : [];
}

export async function brokerRestart(driver: Driver, sizes: Sizes, set: BrokerSet): Promise<Result> {
  const r = new Run(driver, 'restart');
  return guarded(r, 'broker restart at 1/3 and 1/2', 'ACK', async () => {
    const total = sizes.restart;
    await r.prepare();
    const worker = await r.start(workerConfig(driver, r.stream, r.groupId, sizes, { policy: 'ACK', handlerDelayMs: Math.max(sizes.handlerDelayMs, 5) }));
    const dead = () => worker.process.exitCode !== null || worker.process.signalCode !== null;
    const ids = range(0, total);
    const publishing = publishPaced(driver, r.stream, driver.items(r.stream, ids), r.tally, total / 10); // ~10 s of stream
    publishing.catch(() => undefined);
    const windows: Array<{ label: string; from: number }> = [];
    for (const [label, at] of [['1/3', Math.floor(total / 3)], ['1/2', Math.floor(total / 2)]] as const) {
      let processedAt = 0;
      let restart: Promise<string> | undefined;
      const from = r.tally.status.length;
      const reached = await r.reach(at, 120_000, () => {
        processedAt = r.tally.processed;
        restart = clusterSh(set, driver.transport, 'restart', '1', ...restartDowntime(driver.transport));
      });
      if (!reached) break;
      const t0 = Date.now();
      await restart;
      const back = Date.now() - t0;
      windows.push({ label, from });
      // Recovery: the stream goes on after the broker is back (status events are checked at the end).
      const afterBack = r.tally.processed;
      await r.until(() => dead() || r.tally.processed >= Math.min(total, afterBack + 50), 120_000, `processing going on after the restart at ${label}`);
      if (dead()) break;
      r.notes.push(`restart at ${label} (${processedAt} processed): broker back after ${back} ms, stream going on after ${Date.now() - t0} ms`);
    }
    for (const [index, { label, from }] of windows.entries()) {
      const seen = () => r.tally.status.slice(from, windows[index + 1]?.from);
      const reconnected = () => seen().includes('disconnected') && seen().lastIndexOf('connected') > seen().indexOf('disconnected');
      await waitFor(reconnected, { timeoutMs: 15_000, intervalMs: 50 }).catch(() => undefined);
      r.check(reconnected(), `status after the restart at ${label}: ${seen().join(' → ') || 'no status event'} (expected disconnected, then connected)`);
    }
    await publishing;
    await r.until(() => dead() || r.tally.processed === total, 180_000, `all ${total} processed (have ${r.tally.processed})`);
    r.check(!dead() && r.workers.length === 1, 'the app was restarted or died');
    const died = dead();
    const letters = await r.finish();
    const missing = r.tally.lost(ids).length;
    if (died && missing > 0) {
      // The consumer died: what it did not process must still be on the broker, uncommitted (not lost).
      const outstanding = await driver.outstanding(r.stream, r.groupId).catch(() => -1);
      r.check(outstanding >= missing, `lost ${missing}: not processed and not outstanding on the broker (${outstanding})`);
      r.check(false, `the app was restarted or died: ${missing} not processed, ${outstanding} still uncommitted on the broker`);
      r.notes.push(`the consumer died: ${missing} not processed, ${outstanding} still uncommitted on the broker (not lost)`);
    } else {
      r.check(missing === 0, `lost ${missing}`);
    }
    r.check(letters.length === 0, `${letters.length} dead-lettered`);
    const window = 2 * inFlightWindow(driver);
    r.check(r.tally.duplicates <= window, `duplicates ${r.tally.duplicates} beyond two in-flight windows ${window}`);
    return r.result('broker restart at 1/3 and 1/2', 'ACK', total, ids, letters.length, window);
  });
}

// ---------------------------------------------------------------- 4. poison -------------------
export async function poison(driver: Driver, sizes: Sizes): Promise<Result> {
  const r = new Run(driver, 'poison');
  return guarded(r, 'poison 1%', 'NACK_ON_ERROR, maxDeliveries 3', async () => {
    const total = sizes.poison;
    await r.prepare();
    await r.start(workerConfig(driver, r.stream, r.groupId, sizes, { policy: 'NACK_ON_ERROR', poisonEvery: 100, maxDeliveries: 3, backoffMs: 20 }));
    const ids = range(0, total);
    const poisoned = ids.filter((id) => id % 100 === 99);
    const good = ids.filter((id) => id % 100 !== 99);
    await driver.publish(r.stream, driver.items(r.stream, ids));
    await r.until(() => r.tally.processed === good.length && poisoned.every((id) => r.tally.fails.get(id) === 3), 180_000, `${good.length} processed and ${poisoned.length} poison messages failed 3 times`);
    await r.until(async () => (await driver.deadLetters(r.stream)).length >= poisoned.length, 30_000, `${poisoned.length} dead letters`);
    const letters = await r.finish();
    r.check(good.every((id) => r.tally.ok.get(id) === 1), `good messages not processed exactly once (duplicates ${r.tally.duplicates}, lost ${r.tally.lost(good).length})`);
    r.check(poisoned.every((id) => r.tally.fails.get(id) === 3 && !r.tally.ok.has(id)), `poison deliveries off: ${poisoned.map((id) => r.tally.fails.get(id) ?? 0).join(',')}`);
    r.check(letters.length === poisoned.length, `${letters.length} dead-lettered, expected ${poisoned.length}`);
    r.check(letters.every((l) => l.reason === 'max-deliveries' && l.deliveryCount === 3), `dead letters not all max-deliveries after 3: ${letters.map((l) => `${l.reason}/${l.deliveryCount}`).join(',')}`);
    return r.result('poison 1%', 'NACK_ON_ERROR, maxDeliveries 3', total, good, letters.length, 0);
  });
}

// ---------------------------------------------------------------- 5. flaky --------------------
export async function flaky(driver: Driver, sizes: Sizes, seed: number): Promise<Result> {
  const r = new Run(driver, 'flaky');
  return guarded(r, 'flaky 30%', 'NACK_ON_ERROR, maxDeliveries 10', async () => {
    const total = sizes.flaky;
    const rate = 0.3;
    const maxDeliveries = 10;
    await r.prepare();
    await r.start(workerConfig(driver, r.stream, r.groupId, sizes, { policy: 'NACK_ON_ERROR', flakyRate: rate, seed, maxDeliveries, backoffMs: 5 }));
    const ids = range(0, total);
    // The failures are a pure function of (seed, id, delivery): the exact outcome is known ahead.
    let expectedFails = 0;
    const expectedDead: number[] = [];
    for (const id of ids) {
      let n = 1;
      while (n <= maxDeliveries && chance(seed, id, n) < rate) n++;
      expectedFails += n - 1;
      if (n > maxDeliveries) expectedDead.push(id);
    }
    const expectedOk = ids.filter((id) => !expectedDead.includes(id));
    await driver.publish(r.stream, driver.items(r.stream, ids));
    await r.until(() => r.tally.processed === expectedOk.length, 300_000, `${expectedOk.length} processed (have ${r.tally.processed})`);
    const letters = await r.finish();
    let fails = 0;
    for (const count of r.tally.fails.values()) fails += count;
    r.check(expectedOk.every((id) => r.tally.ok.get(id) === 1), `not every message processed exactly once (duplicates ${r.tally.duplicates}, lost ${r.tally.lost(expectedOk).length})`);
    r.check(fails === expectedFails, `${fails} failed deliveries, the seed predicts ${expectedFails}`);
    r.check(letters.length === expectedDead.length, `${letters.length} dead-lettered, the seed predicts ${expectedDead.length}`);
    r.notes.push(`${fails} failed deliveries retried (seed ${seed})`);
    return r.result('flaky 30%', 'NACK_ON_ERROR, maxDeliveries 10', total, expectedOk, letters.length, 0);
  });
}

// ---------------------------------------------------------------- 6. bad input ----------------
export async function badInput(driver: Driver, sizes: Sizes): Promise<Result> {
  const extra = driver.transport === 'kafka' ? ['.other', '.req', '.req.reply'] : driver.transport === 'nats' || driver.transport === 'redis' ? ['.req'] : [];
  const r = new Run(driver, 'bad', extra);
  return guarded(r, 'bad input', 'REJECT_ON_ERROR', async () => {
    await r.prepare();
    const config = workerConfig(driver, r.stream, r.groupId, sizes, {
      policy: 'REJECT_ON_ERROR',
      extraTopics: driver.transport === 'kafka' ? [`${r.stream}.other`] : undefined,
      requestPattern: requestPattern(driver, r.stream),
      maxMessageBytes: BAD_INPUT_MAX_MESSAGE_BYTES,
    });
    const worker = await r.start(config);
    const inputs = badInputs(driver, r.stream);
    const expectDead = inputs.filter((input) => input.expect !== 'processed');
    const expectProcessed = inputs.filter((input) => input.id !== undefined);
    // Each input names itself in a header of the harness (dead letters keep the original headers).
    await driver.publish(r.stream, inputs.map((input) => ({ ...input.message, headers: { ...input.message.headers, 'x-rel-input': input.key } })));
    const good = range(0, 100);
    await driver.publish(r.stream, driver.items(r.stream, good));
    const letters = async () => [
      ...(await driver.deadLetters(r.stream)),
      ...(driver.transport === 'kafka' ? [...(await driver.deadLetters(`${r.stream}.other`)), ...(await driver.deadLetters(`${r.stream}.req`))] : []),
      ...(driver.transport === 'redis' ? await driver.deadLetters(`${r.stream}.req`) : []),
    ];
    await r.until(() => good.every((id) => r.tally.ok.has(id)) && expectProcessed.every((input) => r.tally.ok.has(input.id!)), 60_000, 'the next 100 good messages and the odd-header ones processed');
    await r.until(async () => (await letters()).length >= expectDead.length, 30_000, `${expectDead.length} dead letters`);
    // A looping message would show up as more deliveries: give it a moment to.
    await r.quiet(1000, 10_000);
    r.check(worker.process.exitCode === null && worker.process.signalCode === null, 'the worker crashed');
    const stderrBefore = r.tally.stderrLines;
    const dead = await letters();
    await r.finish();
    const byInput = new Map(dead.map((letter) => [letter.input, letter]));
    // A dead letter whose headers were left undecoded (over maxMessageBytes) is matched by its bytes.
    for (const input of inputs) {
      if (byInput.has(input.key) || !input.message.body) continue;
      const letter = dead.find((candidate) => candidate.input === undefined && candidate.body.equals(input.message.body!));
      if (letter) byInput.set(input.key, letter);
    }
    const outcome: string[] = [];
    for (const input of inputs) {
      if (input.expect === 'processed') {
        const count = r.tally.ok.get(input.id!) ?? 0;
        const letter = byInput.get(input.key);
        outcome.push(`${input.key}: processed ${count}x${letter ? `, then dead-lettered as ${letter.reason} after ${letter.deliveryCount}` : ''}`);
        r.check(count === 1, `${input.key}: processed ${count} times, expected once`);
        r.check(!letter, `${input.key}: processed, then dead-lettered as ${letter?.reason} (${letter?.deliveryCount} deliveries)`);
        if (input.firstDelivery) r.check(r.tally.maxDelivery.get(input.id!) === 1, `${input.key}: the handler saw delivery ${r.tally.maxDelivery.get(input.id!)}, expected 1 (a forged count)`);
        continue;
      }
      const letter = byInput.get(input.key);
      if (input.processedFirst) {
        const count = r.tally.ok.get(input.id!) ?? 0;
        r.check(count === 1, `${input.key}: processed ${count} times, expected once`);
      }
      outcome.push(`${input.key}: ${input.processedFirst ? 'processed once, then ' : ''}${letter ? `${letter.reason} after ${letter.deliveryCount}` : 'NOT dead-lettered'}`);
      r.check(letter?.reason === input.expect && letter.deliveryCount === 1, `${input.key}: ${letter ? `dead-lettered as ${letter.reason} after ${letter.deliveryCount} deliveries` : 'not dead-lettered'}, expected ${input.expect} after 1`);
    }
    r.check(dead.length === expectDead.length, `${dead.length} dead letters, expected ${expectDead.length} (a loop or a lost one)`);
    r.check(r.tally.bad.every((b) => b.deliveryCount === 1), 'a bad input reached the handler twice');
    r.check(good.every((id) => r.tally.ok.get(id) === 1), 'the 100 good messages after the bad ones were not each processed once');
    r.check(stderrBefore <= 3 * inputs.length, `log lines not bounded: ${stderrBefore} for ${inputs.length} bad inputs`);
    r.notes.push(...outcome, `${stderrBefore} log lines (errors/warnings) for ${inputs.length} inputs`);
    const result = r.result('bad input', 'REJECT_ON_ERROR', inputs.length + good.length, [...good, ...expectProcessed.map((i) => i.id!)], dead.length, 0);
    return result;
  });
}

// ---------------------------------------------------------------- 7. cluster leader kill ------
export async function clusterLeaderKill(driver: Driver, sizes: Sizes, set: BrokerSet): Promise<Result> {
  const r = new Run(driver, 'cluster');
  return guarded(r, '3-node cluster, leader SIGKILL', 'ACK', async () => {
    const total = sizes.cluster;
    await r.prepare();
    const worker = await r.start(workerConfig(driver, r.stream, r.groupId, sizes, { policy: 'ACK', handlerDelayMs: Math.max(sizes.handlerDelayMs, 5) }));
    // Kafka: the driver made broker 1 the leader of every partition; RabbitMQ: ask the queue.
    const leader = driver.transport === 'rabbitmq' ? Number(await clusterSh(set, 'rabbitmq', 'leader', r.stream)) : 1;
    const pid = Number(await clusterSh(set, driver.transport, 'pid', String(leader)));
    if (!(pid > 0)) throw new Error(`no pid for node ${leader}`);
    const ids = range(0, total);
    const publishing = publishPaced(driver, r.stream, driver.items(r.stream, ids), r.tally, total / 15); // ~15 s of stream
    publishing.catch(() => undefined);
    let killedWith = 0;
    const reached = await r.reach(Math.floor(total / 3), 120_000, () => {
      killedWith = r.tally.processed;
      process.kill(pid, 'SIGKILL');
    });
    if (!reached) return r.result('3-node cluster, leader SIGKILL', 'ACK', total, ids, 0);
    const before = r.tally.status.length;
    r.notes.push(`leader node ${leader} (os pid ${pid}) killed with SIGKILL at ${killedWith} processed`);
    const killedAt = Date.now();
    // Bring it back once two thirds are processed, or after 20 s if the stream stalled.
    await r.until(() => r.tally.processed >= (2 * total) / 3 || Date.now() - killedAt > 20_000, 60_000, 'two thirds processed or 20 s');
    r.notes.push(`${r.tally.processed - killedWith} processed in the ${Date.now() - killedAt} ms after the kill, without the old leader`);
    if (driver.transport === 'rabbitmq') {
      const newLeader = await clusterSh(set, 'rabbitmq', 'leader', r.stream).catch(() => '?');
      r.notes.push(`new queue leader: node ${newLeader}`);
    }
    await clusterSh(set, driver.transport, 'revive', String(leader));
    r.notes.push(`node ${leader} back ${Date.now() - killedAt} ms after the kill`);
    await publishing;
    await r.until(() => r.tally.processed === total, 180_000, `all ${total} processed (have ${r.tally.processed})`);
    r.check(worker.process.exitCode === null && worker.process.signalCode === null && r.workers.length === 1, 'the app was restarted or died');
    const statuses = r.tally.status.slice(before);
    r.notes.push(`status events after the kill: ${statuses.join(' → ') || 'none'}`);
    const letters = await r.finish();
    r.check(r.tally.lost(ids).length === 0, `lost ${r.tally.lost(ids).length}`);
    r.check(letters.length === 0, `${letters.length} dead-lettered`);
    return r.result('3-node cluster, leader SIGKILL', 'ACK', total, ids, letters.length);
  });
}
