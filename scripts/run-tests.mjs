// Runs every compiled *.test.js under the given folders (default build/test) with
// node's own test runner, one file at a time: the broker tests share the brokers.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('--'));
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
  else files.push(root);
}
if (files.length === 0) {
  console.error('no test files found; run `npm run build:test` first');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  // A hang fails its file after ten minutes (the longest takes about three) instead of stalling the run.
  ['--test', '--test-concurrency=1', '--test-timeout=600000', '--test-force-exit', '--test-reporter=spec', ...passThrough, ...files],
  { stdio: 'inherit', env: { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env } },
);
process.exit(result.status ?? 1);
