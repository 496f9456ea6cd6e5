import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, type } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, percentile, round, settleMeter, sleep, withTimeout, WORK, type BrokerBench, type HandlerKind, type Role } from './measure';
import type { Latency, Mode, RowResult, Rss, RunResult, Throughput } from './bench-types';
import { writeMarkdown, writeReadme } from './report';
import { EXTRAS, ROWS } from './rows';


const MODES: Record<Mode['name'], Mode> = {
  full: { name: 'full', rounds: 3, warmupRounds: 1, messages: 20_000, slowSeconds: 4, handlers: ['noop', '1ms', '5ms'], latencySeconds: 3, latencyRate: 1000, rssMessages: 200_000, rssRoles: ['raw', 'nest', 'ours', 'ours+module'] },
  quick: { name: 'quick', rounds: 1, warmupRounds: 1, messages: 5_000, slowSeconds: 1, handlers: ['noop', '1ms', '5ms'], latencySeconds: 1, latencyRate: 1000, rssMessages: 0, rssRoles: [] },
};

const HANDLER_MS: Record<HandlerKind, number> = { noop: 0, '1ms': 1, '5ms': 5 };

function arg(name: string): string | undefined {
  const found = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!found) return undefined;
  return found.includes('=') ? found.slice(found.indexOf('=') + 1) : '';
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Drains a `messages` backlog with `role` and `work`: settled messages per second, and this process's CPU µs per message. */
async function drain(bench: BrokerBench, role: Role, handler: HandlerKind, messages: number): Promise<{ perSecond: number; cpuMicros: number }> {
  const contender = bench.contenders.find((c) => c.role === role)!;
  const backlog = await bench.fill(messages);
  const meter = settleMeter(contender.label, messages);
  let cpuAtFirst: NodeJS.CpuUsage | undefined;
  let cpuAtLast: NodeJS.CpuUsage | undefined;
  let settled = 0;
  const tick = () => {
    if (++settled === 1) cpuAtFirst = process.cpuUsage();
    else if (settled === messages) cpuAtLast = process.cpuUsage(cpuAtFirst);
    meter.tick();
  };
  const stop = await contender.start(backlog, WORK[handler], tick);
  try {
    const { perSecond } = await withTimeout(meter.result, 180_000, `${bench.id} ${role} ${handler}`);
    return { perSecond, cpuMicros: round((cpuAtLast!.user + cpuAtLast!.system) / (messages - 1), 1) };
  } finally {
    await stop();
  }
}

/** Publishes `{ t }` at a fixed rate to a running contender: handler-entry latency after a warm-up. */
async function latency(bench: BrokerBench, role: Role, mode: Mode): Promise<Latency> {
  const contender = bench.contenders.find((c) => c.role === role)!;
  const backlog = await bench.fill(0);
  const samples: number[] = [];
  let measureFrom = Infinity;
  let seen = 0;
  const work = (data: { t: number }) => {
    const now = performance.now();
    seen++;
    if (measureFrom === Infinity) measureFrom = now + 500; // the first message arrived: the consumer is up; warm up half a second
    if (data.t >= measureFrom) samples.push(now - data.t);
  };
  const stop = await contender.start(backlog, work, () => undefined);
  const publisher = await bench.publisher(backlog);
  const pending = new Set<Promise<void>>();
  let sent = 0;
  try {
    const perTick = Math.max(1, Math.round((bench.latencyRate ?? mode.latencyRate) / 100));
    const deadline = performance.now() + 60_000;
    let end = Infinity;
    for (let tick = performance.now(); performance.now() < Math.min(end, deadline); tick += 10) {
      if (end === Infinity && measureFrom !== Infinity) end = measureFrom + mode.latencySeconds * 1000;
      for (let i = 0; i < perTick; i++) {
        const sending = publisher.publish({ t: performance.now() });
        sent++;
        if (sending) {
          pending.add(sending);
          void sending.finally(() => pending.delete(sending));
        }
      }
      await sleep(Math.max(0, tick + 10 - performance.now()));
    }
    if (measureFrom === Infinity) throw new Error(`${bench.id} ${role}: no message came back within a minute`);
    await Promise.all(pending);
    const settledBy = performance.now() + 10_000;
    while (seen < sent && performance.now() < settledBy) await sleep(20);
  } finally {
    await publisher.close();
    await stop();
  }
  return { label: contender.label, rate: bench.latencyRate ?? mode.latencyRate, samples: samples.length, p50: round(percentile(samples, 50), 2), p99: round(percentile(samples, 99), 2) };
}

/** Peak RSS of a fresh process draining a large backlog (so earlier runs' heap does not count). */
function rssInChild(rowId: string, role: Role, backlog: string, messages: number): Promise<Rss> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--rss-child', rowId, role, backlog, String(messages)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Rss | undefined;
    child.on('message', (message) => (result = message as Rss));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`RSS child for ${rowId} ${role} exited with ${code}`))));
  });
}

async function rssChild(rowId: string, role: Role, backlog: string, messages: number): Promise<void> {
  const bench = await ROWS.find((row) => row.id === rowId)!.load();
  const contender = bench.contenders.find((c) => c.role === role)!;
  const startMb = process.memoryUsage().rss / 2 ** 20;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const meter = settleMeter(contender.label, messages);
  const stop = await contender.start(backlog, WORK.noop, meter.tick);
  const { perSecond } = await withTimeout(meter.result, 600_000, `RSS ${rowId} ${role}`);
  clearInterval(sampler);
  await stop();
  process.send!({ label: contender.label, messages, peakMb: Math.round(peak / 2 ** 20), startMb: Math.round(startMb), perSecond } satisfies Rss);
  process.exit(0);
}

async function benchRow(bench: BrokerBench, mode: Mode, roles: Role[] | undefined, handlers: HandlerKind[]): Promise<RowResult> {
  const row: RowResult = { id: bench.id, title: bench.title, version: await bench.version(), concurrency: bench.concurrency, labels: {}, throughput: {}, latency: {}, rss: {}, errors: [] };
  const contenders = bench.contenders.filter((c) => !roles || roles.includes(c.role));
  for (const c of contenders) row.labels[c.role] = c.label;
  const attempt = async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      row.errors.push(`${what}: ${(error as Error).message}`);
      log(`${bench.id} ${what} FAILED: ${(error as Error).message}`);
      return undefined;
    }
  };
  const cleanup = () => bench.cleanup().catch(() => undefined);
  try {
    for (const handler of handlers) {
      const ms = HANDLER_MS[handler];
      const messages = ms === 0 ? mode.messages : Math.min(mode.messages, Math.round(bench.concurrency * (1000 / ms) * mode.slowSeconds));
      const table: Partial<Record<Role, Throughput>> = (row.throughput[handler] = {});
      if (handler === 'noop') {
        for (let round = 0; round < mode.warmupRounds; round++) {
          for (const c of contenders) {
            const warmed = await attempt(`warm-up ${c.role}`, () => drain(bench, c.role, handler, messages));
            if (warmed) log(`${bench.id} warm-up ${c.label}: ${warmed.perSecond}/s (not counted)`);
          }
        }
      }
      // Rounds interleave the contenders, so a slow spell of the machine hits them all alike.
      for (let round = 0; round < mode.rounds; round++) {
        for (const c of contenders) {
          const drained = await attempt(`${handler} ${c.role}`, () => drain(bench, c.role, handler, messages));
          if (drained === undefined) continue;
          const entry = (table[c.role] ??= { label: c.label, rounds: [], median: 0, messages, cpuMicrosRounds: [], cpuMicros: 0 });
          entry.rounds.push(drained.perSecond);
          entry.median = Math.round(median(entry.rounds));
          entry.cpuMicrosRounds!.push(drained.cpuMicros);
          entry.cpuMicros = Math.round(median(entry.cpuMicrosRounds!) * 10) / 10;
          log(`${bench.id} ${handler} round ${round + 1} ${c.label}: ${drained.perSecond}/s, ${drained.cpuMicros} µs CPU/msg`);
        }
      }
      await cleanup();
    }
    for (const c of contenders.filter(() => mode.latencySeconds > 0)) {
      const result = await attempt(`latency ${c.role}`, () => latency(bench, c.role, mode));
      if (result) row.latency[c.role] = result;
      if (result) log(`${bench.id} latency ${c.label}: p50 ${result.p50} ms, p99 ${result.p99} ms (${result.samples} samples)`);
      await cleanup();
    }
    if (mode.rssMessages > 0) {
      for (const c of contenders.filter((c) => mode.rssRoles.includes(c.role))) {
        const result = await attempt(`rss ${c.role}`, async () => rssInChild(bench.id, c.role, await bench.fill(mode.rssMessages), mode.rssMessages));
        if (result) row.rss[c.role] = result;
        if (result) log(`${bench.id} RSS ${c.label}: peak ${result.peakMb} MB draining ${result.messages}`);
      }
    }
  } finally {
    await cleanup();
  }
  return row;
}

async function main(): Promise<void> {
  if (arg('rss-child') !== undefined) {
    const [rowId, role, backlog, messages] = process.argv.slice(process.argv.indexOf('--rss-child') + 1);
    return rssChild(rowId, role as Role, backlog, Number(messages));
  }
  const mode = MODES[arg('quick') !== undefined ? 'quick' : 'full'];
  // Filters (for profiling one path): --only=kafka,nats --roles=ours,ours+module --handlers=noop --messages=200000 --warmup=0. A filtered run writes JSON only.
  const only = arg('only')?.split(',');
  const roles = arg('roles')?.split(',') as Role[] | undefined;
  const handlers = (arg('handlers')?.split(',') as HandlerKind[] | undefined) ?? mode.handlers;
  if (arg('rounds')) mode.rounds = Number(arg('rounds'));
  if (arg('warmup')) mode.warmupRounds = Number(arg('warmup'));
  if (arg('messages')) mode.messages = Number(arg('messages'));
  // --skip=latency,rss leaves those parts out.
  const skip = arg('skip')?.split(',') ?? [];
  if (skip.includes('latency')) mode.latencySeconds = 0;
  if (skip.includes('rss')) mode.rssMessages = 0;
  const filtered = Boolean(only || roles || arg('handlers') || arg('rounds') || arg('warmup') || arg('messages') || skip.length > 0);
  const started = performance.now();
  const result: RunResult = {
    mode,
    startedAt: new Date().toISOString(),
    seconds: 0,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, os: `${type()} ${release()}`, memoryGb: Math.round(totalmem() / 2 ** 30), loadBefore: loadavg().map((l) => round(l, 2)), loadAfter: [] },
    rows: [],
    extra: [],
  };
  for (const { id, load } of ROWS) {
    if (only && !only.includes(id)) continue;
    log(`${id}: start`);
    result.rows.push(await benchRow(await load(), mode, roles, handlers));
  }
  for (const { rows, load } of EXTRAS) {
    if (only && !rows.some((id) => only.includes(id))) continue;
    const extra = await (await load())({ mode, roles, handlers, log });
    if (extra) result.extra.push(extra);
  }
  result.machine.loadAfter = loadavg().map((l) => round(l, 2));
  result.seconds = Math.round((performance.now() - started) / 1000);
  const root = join(__dirname, '..', '..');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `${result.startedAt.replace(/[:.]/g, '-')}-${mode.name}${filtered ? '-partial' : ''}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  log(`wrote ${file}`);
  if (!filtered) {
    const docs = join(root, 'docs', 'benchmarks.md');
    mkdirSync(join(root, 'docs'), { recursive: true });
    let existing = '';
    try {
      existing = readFileSync(docs, 'utf8');
    } catch {
      // first run: the file is created
    }
    writeFileSync(docs, writeMarkdown(existing, result));
    log(`wrote ${docs}`);
    if (mode.name === 'full') {
      // The README quotes the full run only: a quick run's single round is no figure to advertise.
      const readme = join(root, 'README.md');
      writeFileSync(readme, writeReadme(readFileSync(readme, 'utf8'), result));
      log(`wrote the speed table of ${readme}`);
    }
  }
  log(`done in ${result.seconds} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
