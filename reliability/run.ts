// `npm run reliability`: the scenarios of issue 21 against RabbitMQ, Kafka, NATS JetStream, Redis
// Streams and PostgreSQL, consumers in child processes, then docs/reliability.md and a non-zero exit
// when any guarantee is broken.
//
//   RELIABILITY_LONG=1            long mode: 10,000 messages, 20 seeds per transport and policy
//   RELIABILITY_TRANSPORTS=kafka  only these transports (ids of test/transports.ts with a `reliability` entry)
//   RELIABILITY_ONLY=kill,bad     only these scenarios (kill term restart poison flaky bad cluster)
//   RELIABILITY_MESSAGES, RELIABILITY_SEEDS   override the mode's sizes
//   RELIABILITY_PARALLEL=N        runs of scenarios 1, 2, 4-6 at once per transport (default: NATS, Redis and
//                                 PostgreSQL run side by side with 6 lanes shared among them; RabbitMQ 1; Kafka always 1)
//   RELIABILITY_OUTPUT            where the table goes (docs/reliability.md)
//   RELIABILITY_RESULTS           long mode: folder of the per-transport result files (reliability/results)
//   RELIABILITY_VERBOSE=1         worker stderr to the console
//
// Every scenario runs on private brokers started by scripts/cluster.sh on their own ports and folders
// (a single node per transport, then a 3-node cluster of RabbitMQ and Kafka), stopped and deleted at
// the end: the shared brokers are never restarted, and other tests restarting them cannot disturb a run.
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACK_POLICY_NAMES, type AckPolicy } from '../lib/core';
import type { Driver, Transport } from './drivers';
import { badInput, brokerRestart, clusterLeaderKill, clusterSh, flaky, poison, sigkill, sigterm, type BrokerSet, type Result, type Sizes } from './scenarios';
import { HARNESS_TRANSPORTS, harnessTransport, newDriver } from './transports';
import { killAllWorkers } from './workers';

const LONG = process.env.RELIABILITY_LONG === '1';
const override = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const messages = override('RELIABILITY_MESSAGES');
const sizes: Sizes = LONG
  ? { kill: 10_000, term: 10_000, restart: 10_000, poison: 1000, flaky: 10_000, cluster: 10_000, seeds: 20, handlerDelayMs: 0 }
  : { kill: 400, term: 400, restart: 600, poison: 300, flaky: 300, cluster: 1000, seeds: 1, handlerDelayMs: 2 };
if (messages) Object.assign(sizes, { kill: messages, term: messages, restart: messages, flaky: messages, cluster: messages, poison: Math.min(messages, 1000) });
sizes.seeds = override('RELIABILITY_SEEDS') ?? sizes.seeds;
const ALL_TRANSPORTS: Transport[] = HARNESS_TRANSPORTS.map((entry) => entry.id);
const TRANSPORTS = (process.env.RELIABILITY_TRANSPORTS?.split(',').map((t) => t.trim()) ?? ALL_TRANSPORTS) as Transport[];
for (const transport of TRANSPORTS) if (!ALL_TRANSPORTS.includes(transport)) throw new Error(`RELIABILITY_TRANSPORTS: unknown transport ${transport} (${ALL_TRANSPORTS.join(',')})`);
/** Transports with a 3-node cluster row: they run first, one after the other (their cluster runs are heavy). */
const CLUSTERED: Transport[] = HARNESS_TRANSPORTS.filter((entry) => entry.reliability.clusterPort !== undefined).map((entry) => entry.id);
/** The others run side by side, after the clustered ones. */
const TOGETHER = TRANSPORTS.filter((t) => !CLUSTERED.includes(t));
const ONLY = process.env.RELIABILITY_ONLY?.split(',').map((s) => s.trim());
const wanted = (scenario: string) => !ONLY || ONLY.includes(scenario);
const OUTPUT = process.env.RELIABILITY_OUTPUT ?? join(__dirname, '../../docs/reliability.md');
/**
 * Long mode keeps each transport's rows in `<RESULTS>/long-<transport>.json`, and the table is made from every
 * transport's latest file: a transport can be run again alone (RELIABILITY_TRANSPORTS) without losing the others.
 */
const RESULTS = process.env.RELIABILITY_RESULTS ?? join(__dirname, '../../reliability/results');

// Private broker sets (ports apart from every shared broker and from the tests' private ones).
const portsOf = (entries: typeof HARNESS_TRANSPORTS, port: (entry: (typeof HARNESS_TRANSPORTS)[number]) => number | undefined) =>
  Object.fromEntries(entries.flatMap((entry) => (port(entry) === undefined ? [] : [[entry.reliability.portEnv, String(port(entry))]])));
const SINGLE: BrokerSet = { name: 'single', env: { CLUSTER_NAME: 'rels', ...portsOf(HARNESS_TRANSPORTS, (entry) => entry.reliability.singlePort) } };
const CLUSTER: BrokerSet = { name: 'cluster', env: { CLUSTER_NAME: 'relc', ...portsOf(HARNESS_TRANSPORTS, (entry) => entry.reliability.clusterPort) } };

const started: Array<[BrokerSet, string]> = [];
async function startSet(set: BrokerSet, transport: string, n: number): Promise<void> {
  started.push([set, transport]);
  await clusterSh(set, transport, 'start', String(n));
}
async function stopSet(set: BrokerSet, transport: string): Promise<void> {
  const index = started.findIndex(([s, t]) => s === set && t === transport);
  if (index >= 0) started.splice(index, 1);
  await clusterSh(set, transport, 'stop').catch((error) => console.error(`stopping ${set.name} ${transport}: ${error.message}`));
}
async function stopAll(): Promise<void> {
  killAllWorkers();
  for (const [set, transport] of [...started]) await stopSet(set, transport);
}

/**
 * Broken guarantees already reported as library defects: shown in the table as known, and not failing
 * the exit code unless RELIABILITY_STRICT=1. Remove an entry when its fix lands.
 */
const KNOWN_DEFECTS: Array<{ id: string; transport: string; scenario: string; failure: RegExp; what: string }> = [
];
const STRICT = process.env.RELIABILITY_STRICT === '1';
function knownDefect(transport: string, scenario: string, failure: string) {
  return KNOWN_DEFECTS.find((k) => k.transport === transport && k.scenario === scenario && k.failure.test(failure));
}

const log = (line: string) => console.log(`[reliability ${new Date().toISOString().slice(11, 19)}] ${line}`);

function classify(result: Result): Result & { known: string[] } {
  const known: string[] = [];
  const failures: string[] = [];
  for (const failure of result.failures) {
    const defect = knownDefect(result.transport, result.scenario, failure);
    if (defect && !STRICT) known.push(`${defect.id}: ${failure}`);
    else failures.push(failure);
  }
  return { ...result, failures, known };
}

function report(result: Result): void {
  const status = result.failures.length === 0 ? 'ok  ' : 'FAIL';
  log(`${status} ${result.transport} ${result.scenario} (${result.policy}): sent ${result.sent}, processed ${result.processed}, duplicates ${result.duplicates}, lost ${result.lost}, dead-lettered ${result.deadLettered} in ${(result.durationMs / 1000).toFixed(1)} s`);
  for (const note of result.notes) log(`       ${note}`);
  for (const failure of result.failures) log(`   !!  ${failure}`);
  for (const known of (result as Result & { known?: string[] }).known ?? []) log(`   known defect ${known}`);
}

/** Sums the seeds of one scenario/policy into one row (max duplicates and losses kept apart). */
interface Row extends Result {
  maxDuplicates: number;
  maxLost: number;
  known: string[];
}
function merge(rows: Row[], result: Result & { known: string[] }): void {
  const row = rows.find((r) => r.transport === result.transport && r.scenario === result.scenario && r.policy === result.policy);
  if (!row) {
    rows.push({ ...result, notes: [...result.notes], failures: [...result.failures], known: [...result.known], maxDuplicates: result.duplicates, maxLost: result.lost });
    return;
  }
  row.seeds++;
  for (const key of ['sent', 'processed', 'duplicates', 'lost', 'deadLettered', 'durationMs'] as const) row[key] += result[key];
  row.maxDuplicates = Math.max(row.maxDuplicates, result.duplicates);
  row.maxLost = Math.max(row.maxLost, result.lost);
  row.failures.push(...result.failures);
  row.known.push(...result.known);
  if (row.notes.length < 6) row.notes.push(...result.notes.slice(0, 1));
}

/** Boots a transport's private single node; started early so it boots while the other transport runs. */
const singleBoots = new Map<string, Promise<true | Error>>();
function bootSingle(transport: string): Promise<true | Error> {
  if (!singleBoots.has(transport)) singleBoots.set(transport, startSet(SINGLE, transport, 1).then(() => true as const, (error: Error) => error));
  return singleBoots.get(transport)!;
}

type Record = (result: Result) => void;

/**
 * Runs of scenarios 1, 2, 4, 5, 6 at once on one transport: RELIABILITY_PARALLEL, else on NATS, Redis and
 * PostgreSQL (which run at the same time as each other) 6 lanes shared out among them (2 each when all
 * three run), and 1 on RabbitMQ; Kafka always 1 (its driver shares one producer that each run's clean-up
 * replaces). Each run has its own stream, consumer (group) and worker process and is killed at its own
 * seeded point: runs side by side stay independent kills, only the machine is busier.
 */
function parallelism(transport: Transport): number {
  const cap = harnessTransport(transport).reliability.maxParallel ?? Infinity;
  const asked = override('RELIABILITY_PARALLEL');
  if (asked !== undefined) return Math.min(cap, Math.max(1, Math.floor(asked)));
  return Math.min(cap, CLUSTERED.includes(transport) ? 1 : Math.min(5, Math.ceil(6 / TOGETHER.length)));
}

/** Runs `jobs`, `parallel` at a time; the results in the jobs' order (the table's row order). */
async function runJobs(jobs: Array<() => Promise<Result>>, parallel: number): Promise<Result[]> {
  const results: Result[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
      if (parallel > 1) log(`  done ${results[index].transport} ${results[index].scenario} (${results[index].policy})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
  return results;
}

/** The driver of a transport's private single node. */
function singleDriver(transport: Transport): Driver {
  return newDriver(transport, harnessTransport(transport).reliability.singlePort, 1);
}

/** Scenarios 1-6 on the transport's private single node. */
async function singleNode(transport: string, record: Record, next?: string): Promise<void> {
  const t0 = Date.now();
  const up = await bootSingle(transport);
  if (up !== true) throw new Error(`private ${transport} node did not start: ${up.message}`);
  log(`private ${transport} node up (${((Date.now() - t0) / 1000).toFixed(0)} s waited)`);
  if (next) void bootSingle(next); // boots while this transport runs
  const driver = singleDriver(transport as Transport);
  try {
    const jobs: Array<() => Promise<Result>> = [];
    for (let seed = 1; seed <= sizes.seeds; seed++) {
      if (wanted('kill')) for (const policy of ACK_POLICY_NAMES as AckPolicy[]) jobs.push(() => sigkill(driver, sizes, policy, seed));
      if (wanted('term')) jobs.push(() => sigterm(driver, sizes, seed));
      if (wanted('flaky')) jobs.push(() => flaky(driver, sizes, seed));
    }
    if (wanted('poison')) jobs.push(() => poison(driver, sizes));
    if (wanted('bad')) jobs.push(() => badInput(driver, sizes));
    const parallel = parallelism(transport as Transport);
    if (parallel > 1) log(`${transport}: ${jobs.length} runs, ${parallel} at a time (each its own stream, consumer and worker process)`);
    for (const result of await runJobs(jobs, parallel)) record(result);
    // Alone: it restarts the broker under every stream.
    if (wanted('restart')) record(await brokerRestart(driver, sizes, SINGLE));
  } finally {
    await driver.close();
    await stopSet(SINGLE, transport);
  }
}

/** Scenario 7 on a 3-node cluster of the transport. */
async function clusterNodes(transport: string, record: Record): Promise<void> {
  log(`starting a 3-node ${transport} cluster`);
  const t1 = Date.now();
  await startSet(CLUSTER, transport, 3);
  log(`3-node ${transport} cluster up in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  const driver = newDriver(transport as Transport, harnessTransport(transport as Transport).reliability.clusterPort!, 3, { leader: 1 });
  try {
    record(await clusterLeaderKill(driver, sizes, CLUSTER));
  } finally {
    await driver.close();
    await stopSet(CLUSTER, transport);
  }
}

async function transportRows(transport: string, rows: Row[], next?: string): Promise<void> {
  const record = (raw: Result) => {
    const result = classify(raw);
    report(result);
    merge(rows, result);
  };
  const single = ['kill', 'term', 'flaky', 'poison', 'bad', 'restart'].some(wanted);
  if (single) await singleNode(transport, record, single ? next : undefined);
  if (wanted('cluster') && CLUSTERED.includes(transport as Transport)) await clusterNodes(transport, record);
}

/** One transport's rows from one run of the harness. */
interface Section {
  transport: Transport;
  mode: 'long' | 'short';
  seeds: number;
  messages?: number;
  startedAt: string;
  minutes: number;
  rows: Row[];
}

function resultFile(transport: Transport): string {
  return join(RESULTS, `long-${transport}.json`);
}

/** This run's sections, and in long mode those of transports run earlier (their latest result files). */
function sections(rows: Row[], startedAt: Date, totalMs: number): Section[] {
  const mine: Section[] = TRANSPORTS.filter((t) => rows.some((r) => r.transport === t)).map((transport) => ({
    transport,
    mode: LONG ? 'long' : 'short',
    seeds: sizes.seeds,
    ...(messages ? { messages } : {}),
    startedAt: startedAt.toISOString().slice(0, 16).replace('T', ' '),
    minutes: Math.round(totalMs / 6000) / 10,
    rows: rows.filter((r) => r.transport === transport),
  }));
  if (!LONG) return mine;
  mkdirSync(RESULTS, { recursive: true });
  for (const section of mine) writeFileSync(resultFile(section.transport), `${JSON.stringify(section, null, 2)}\n`);
  const earlier = (t: Transport) => (existsSync(resultFile(t)) ? (JSON.parse(readFileSync(resultFile(t), 'utf8')) as Section) : undefined);
  return ALL_TRANSPORTS.map((t) => mine.find((section) => section.transport === t) ?? earlier(t)).filter((section): section is Section => section !== undefined);
}

function table(all: Section[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '# Reliability',
    '',
    '<!-- Written by `npm run reliability` (reliability/run.ts); do not edit by hand. -->',
    '',
    `Mode: **${LONG ? 'long' : 'short'}**. Each transport's section says when it ran, with how many seeds per scenario and policy. ` +
      'Consumers are Nest apps in child processes, killed for real; ' +
      'messages are put on the broker with its own driver (amqplib, kafkajs, @nats-io/jetstream, ioredis, pg). Brokers: private nodes started by `scripts/cluster.sh` ' +
      '(RabbitMQ 3.10 quorum queues; Kafka KRaft, 3 partitions per topic; nats-server 2.9 with JetStream; redis-server 7.0 with an append-only file; ' +
      'PostgreSQL 15 of its own initdb). A row sums its seeds.',
    '',
    'Guarantees checked: no loss outside `ACK_FIRST`; `ACK_FIRST` loss and every duplicate count at most the in-flight window ' +
      '(RabbitMQ: the prefetch; Kafka: `maxUncommittedPerPartition` x partitions, the offsets handed out past the last confirmed commit; ' +
      'NATS: `maxAckPending`; Redis and PostgreSQL: the handler slots, `concurrency`) per kill; after SIGTERM no duplicate, ' +
      'close within `shutdownTimeoutMs`, no handler started after the signal; poison and flaky counts exactly as predicted; each bad input ' +
      'dead-lettered with its reason after one delivery (or, for a good body with odd headers, processed once).',
    '',
  ];
  for (const section of all) {
    const { transport, rows: mine } = section;
    lines.push(`## ${harnessTransport(transport).title}`, '');
    lines.push(
      `Run ${section.startedAt} UTC, ${section.mode} mode, ${section.seeds} seed${section.seeds > 1 ? 's' : ''} per scenario and policy` +
        `${section.messages ? `, message counts overridden to ${section.messages}` : ''}; the harness run took ${section.minutes} min.`,
      '',
    );
    lines.push('| scenario | policy | seeds | sent | processed | duplicates (max per seed) | lost (max per seed) | dead-lettered | window | result |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of mine) {
      lines.push(`| ${cell(r.scenario)} | ${cell(r.policy)} | ${r.seeds} | ${r.sent} | ${r.processed} | ${r.duplicates} (${r.maxDuplicates}) | ${r.lost} (${r.maxLost}) | ${r.deadLettered} | ${r.window ?? '–'} | ${r.failures.length > 0 ? `**FAIL**: ${cell(r.failures.slice(0, 2).join('; '))}` : r.known.length > 0 ? `known defect ${[...new Set(r.known.map((k) => k.split(':')[0]))].join(', ')}` : 'pass'} |`);
    }
    lines.push('');
    const noted = mine.filter((r) => r.notes.length > 0 && (r.scenario !== 'SIGKILL mid-stream' || r.failures.length > 0));
    for (const r of noted) {
      lines.push(`- ${r.scenario}: ${r.notes.map(cell).join('; ')}`);
    }
    const noClusterRow = harnessTransport(transport).reliability.noClusterRow;
    if (noClusterRow) lines.push(`- ${noClusterRow}`);
    lines.push('');
  }
  const seen = new Set(all.flatMap((section) => section.rows.flatMap((r) => r.known.map((k) => k.split(':')[0]))));
  if (seen.size > 0) {
    lines.push('## Known defects', '', 'Broken guarantees already reported against the library; they fail the run only with `RELIABILITY_STRICT=1`.', '');
    for (const defect of KNOWN_DEFECTS.filter((k) => seen.has(k.id))) lines.push(`- **${defect.id}** (${defect.transport}): ${defect.what}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const startedAt = new Date();
  log(`${LONG ? 'long' : 'short'} mode: ${JSON.stringify(sizes)}; transports ${TRANSPORTS.join(', ')}`);
  const rows: Row[] = [];
  let crashed: Error | undefined;
  const one = async (transport: Transport, next?: Transport) => {
    try {
      await transportRows(transport, rows, next);
    } catch (error) {
      crashed = error as Error;
      log(`FAIL ${transport}: ${(error as Error).stack}`);
      rows.push({ transport, scenario: 'harness', policy: '–', seeds: 0, sent: 0, processed: 0, duplicates: 0, lost: 0, deadLettered: 0, notes: [], failures: [(error as Error).message], known: [], durationMs: 0, maxDuplicates: 0, maxLost: 0 });
    }
  };
  // The clustered transports one after the other (their cluster runs are heavy); then the others all at once,
  // each on its own private node (a broker restart of one never touches another's).
  const serial = TRANSPORTS.filter((t) => CLUSTERED.includes(t));
  for (const [index, transport] of serial.entries()) await one(transport, serial[index + 1]);
  await Promise.all(TOGETHER.map((transport) => one(transport)));
  await stopAll();
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, table(sections(rows, startedAt, Date.now() - t0)));
  const failed = rows.filter((r) => r.failures.length > 0);
  log(`${rows.length} rows, ${failed.length} failing, ${((Date.now() - t0) / 1000).toFixed(0)} s; table in ${OUTPUT}`);
  process.exitCode = failed.length > 0 || crashed ? 1 : 0;
}

process.on('unhandledRejection', (reason) => {
  log(`unhandled rejection in the runner: ${(reason as Error)?.stack ?? reason}`);
  void stopAll().finally(() => process.exit(1));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping workers and private brokers`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
