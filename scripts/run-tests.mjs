// Runs every compiled *.test.js under the given folders (default build/test) with node's own test
// runner. Files that share a broker run one at a time (their tests restart and fill that broker);
// the brokers' lanes run side by side, each in its own `node --test` process, and each lane's output
// is printed whole when it ends. The smoke tests (every broker) run first, alone. `--serial` runs
// everything in one lane.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const serial = args.includes('--serial');
const roots = args.filter((a) => !a.startsWith('--'));
const passThrough = args.filter((a) => a.startsWith('--') && a !== '--serial');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.js')) files.push(path);
  }
};
for (const root of roots.length ? roots : ['build/test']) {
  if (statSync(root).isDirectory()) walk(root);
  else if (root.endsWith('.test.js')) files.push(root);
}
if (files.length === 0) {
  console.error('no test files found; run `npm run build:test` first');
  process.exit(1);
}

const BROKERS = ['rabbitmq', 'kafka', 'nats', 'redis', 'postgres'];
/** The broker a test file talks to, from its name or folder; `core` for the rest (unit, in-memory, packaging). */
function laneOf(file) {
  const name = basename(file);
  // The classic-queue suite is a second RabbitMQ lane: its queues are its own, and the one test that
  // restarts RabbitMQ runs after every lane (below).
  if (name.includes('rabbitmq-classic')) return 'rabbitmq-classic';
  // Likewise the Kafka suites under ordering 'key' and 'none': groups and topics of their own.
  if (/^kafka-(key|none)\.conformance/.test(name)) return 'kafka-orderings';
  return BROKERS.find((broker) => name.includes(broker) || file.includes(`/${broker}/`)) ?? 'core';
}
/** Restarts the RabbitMQ broker that two lanes share: runs last, alone. */
const runsLast = (file) => basename(file).startsWith('broker-restart-rabbitmq');
const lanes = new Map();
for (const file of files) {
  const lane = serial ? 'all' : laneOf(file);
  lanes.set(lane, [...(lanes.get(lane) ?? []), file]);
}

const outDir = mkdtempSync(join(tmpdir(), 'nestjs-ack-tests-'));
function runLane(lane, laneFiles) {
  const logPath = join(outDir, `${lane}.log`);
  const log = createWriteStream(logPath);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      // A hang fails its file after ten minutes instead of stalling the run.
      ['--test', '--test-concurrency=1', '--test-timeout=600000', '--test-force-exit', '--test-reporter=spec', ...passThrough, ...laneFiles],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env } },
    );
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('close', (code) => {
      log.end(() => {
        const output = readFileSync(logPath, 'utf8');
        process.stdout.write(`\n===== ${lane} (${laneFiles.length} files, ${Math.round((Date.now() - started) / 1000)} s) =====\n${output}`);
        const count = (label) => [...output.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
        resolve({ lane, code, pass: count('pass'), fail: count('fail'), skipped: count('skipped'), cancelled: count('cancelled') });
      });
    });
  });
}

// The smoke tests touch every broker, and some lanes restart their broker: smoke runs first, alone.
const results = [];
const smoke = lanes.get('core')?.filter((file) => file.includes('/smoke/')) ?? [];
if (smoke.length > 0 && !serial) {
  lanes.set('core', lanes.get('core').filter((file) => !smoke.includes(file)));
  if (lanes.get('core').length === 0) lanes.delete('core');
  results.push(await runLane('smoke', smoke));
}
const last = serial ? [] : files.filter(runsLast);
for (const [lane, laneFiles] of lanes) {
  const rest = laneFiles.filter((file) => !last.includes(file));
  if (rest.length > 0) lanes.set(lane, rest);
  else lanes.delete(lane);
}
results.push(...(await Promise.all([...lanes].map(([lane, laneFiles]) => runLane(lane, laneFiles)))));
if (last.length > 0) results.push(await runLane('broker restarts', last));
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
console.log('\n===== summary =====');
for (const r of results) console.log(`${r.lane}: ${r.pass} passed, ${r.fail} failed, ${r.skipped} skipped, ${r.cancelled} cancelled (exit ${r.code})`);
const failed = total('fail') + total('cancelled');
const ok = results.every((r) => r.code === 0) && failed === 0;
console.log(`${total('pass')} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
