// Runs every compiled *.test.js under the given folders (default build/test) with node's own test
// runner. Files that share a broker run one at a time (their tests restart and fill that broker);
// the brokers' lanes run side by side, each in its own `node --test` process, and each lane's output
// is printed whole when it ends. The smoke tests (every broker) run first, alone. `--serial` runs
// everything in one lane; `--list` prints each lane's files and runs nothing.
// The lanes come from the transports' manifest (test/transports.ts), compiled in the same build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const OWN_FLAGS = ['--serial', '--list'];
const args = process.argv.slice(2);
const serial = args.includes('--serial');
const listOnly = args.includes('--list');
const roots = args.filter((a) => !a.startsWith('--'));
const passThrough = args.filter((a) => a.startsWith('--') && !OWN_FLAGS.includes(a));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.js')) files.push(path);
  }
};
if (roots.length === 0) roots.push('build/test');
for (const root of roots) {
  if (statSync(root).isDirectory()) walk(root);
  else if (root.endsWith('.test.js')) files.push(root);
}
if (files.length === 0) {
  console.error('no test files found; run `npm run build:test` first');
  process.exit(1);
}

/** The manifest compiled beside the tests: the first test/transports.js above the first root. */
function loadTransports(from) {
  for (let dir = resolve(from); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'test', 'transports.js');
    if (existsSync(manifest)) return createRequire(import.meta.url)(manifest).TRANSPORTS;
  }
  console.error(`no test/transports.js above ${from}; run \`npm run build:test\` first`);
  process.exit(1);
}
const transports = loadTransports(roots[0]);
const brokers = transports.filter((t) => t.broker);
/** Every lane in the order the summary lists them: each broker's own, then its extra lanes; `core` last. */
const LANE_ORDER = [...brokers.flatMap((t) => [t.id, ...(t.extraLanes ?? []).map((extra) => extra.lane)]), 'core'];

/** The broker a test file talks to, from its name or folder; `core` for the rest (unit, in-memory, packaging). */
function laneOf(file) {
  const name = basename(file);
  // Extra lanes first (a classic-queue suite's name also names its broker).
  for (const t of brokers) for (const extra of t.extraLanes ?? []) if (extra.files.test(name)) return extra.lane;
  return brokers.find((t) => name.includes(t.id) || file.includes(`/${t.id}/`))?.id ?? 'core';
}
/** Restarts a broker that two lanes share: runs last, alone. */
const runsLast = (file) => brokers.some((t) => t.runLast?.test(basename(file)));
/** The conformance suite over the manifest's transports: in each transport's lane, told which transports through NESTJS_ACK_TRANSPORTS. */
const isEveryTransportSuite = (file) => basename(file) === 'transports.conformance.test.js';
/** NESTJS_ACK_TRANSPORTS set by the caller narrows that suite to those transports. */
const wanted = process.env.NESTJS_ACK_TRANSPORTS?.split(',').filter(Boolean);
const suiteTransports = transports.filter((t) => !wanted || wanted.includes(t.id));
/** The transports of each lane's run of that suite (a transport without a broker runs in `core`). */
const laneTransports = new Map();
const lanes = new Map();
for (const file of files) {
  const laneIds = serial ? ['all'] : isEveryTransportSuite(file) ? [...new Set(suiteTransports.map((t) => (t.broker ? t.id : 'core')))] : [laneOf(file)];
  for (const lane of laneIds) lanes.set(lane, [...(lanes.get(lane) ?? []), file]);
  if (serial || !isEveryTransportSuite(file)) continue;
  for (const t of suiteTransports) {
    const lane = t.broker ? t.id : 'core';
    laneTransports.set(lane, [...(laneTransports.get(lane) ?? []), t.id]);
  }
}
const byLaneOrder = ([a], [b]) => LANE_ORDER.indexOf(a) - LANE_ORDER.indexOf(b);
for (const [lane, laneFiles] of [...lanes].sort(byLaneOrder)) {
  lanes.delete(lane);
  lanes.set(lane, laneFiles);
}

// The smoke tests touch every broker, and some lanes restart their broker: smoke runs first, alone.
const smoke = serial ? [] : (lanes.get('core')?.filter((file) => file.includes('/smoke/')) ?? []);
const last = serial ? [] : files.filter(runsLast);
for (const [lane, laneFiles] of lanes) {
  const rest = laneFiles.filter((file) => !smoke.includes(file) && !last.includes(file));
  if (rest.length > 0) lanes.set(lane, rest);
  else lanes.delete(lane);
}
if (listOnly) {
  const print = (lane, laneFiles) => console.log(`${lane} (${laneFiles.length})\n${laneFiles.map((file) => `  ${file}`).join('\n')}`);
  if (smoke.length > 0) print('smoke', smoke);
  for (const [lane, laneFiles] of lanes) print(laneTransports.has(lane) ? `${lane} [NESTJS_ACK_TRANSPORTS=${laneTransports.get(lane).join(',')}]` : lane, laneFiles);
  if (last.length > 0) print('broker restarts', last);
  process.exit(0);
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
      { stdio: ['ignore', 'pipe', 'pipe'], env: { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env, ...(laneTransports.has(lane) ? { NESTJS_ACK_TRANSPORTS: laneTransports.get(lane).join(',') } : {}) } },
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

const results = [];
if (smoke.length > 0) results.push(await runLane('smoke', smoke));
results.push(...(await Promise.all([...lanes].map(([lane, laneFiles]) => runLane(lane, laneFiles)))));
if (last.length > 0) results.push(await runLane('broker restarts', last));
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
console.log('\n===== summary =====');
for (const r of results) console.log(`${r.lane}: ${r.pass} passed, ${r.fail} failed, ${r.skipped} skipped, ${r.cancelled} cancelled (exit ${r.code})`);
const failed = total('fail') + total('cancelled');
const ok = results.every((r) => r.code === 0) && failed === 0;
console.log(`${total('pass')} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
