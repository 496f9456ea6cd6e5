import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repositoryRoot } from '../packaging/project-links';
import { TRANSPORTS, type ModuleExport } from '../transports';

// The manifest names modules by path: a renamed file or export would only fail when the runner, the
// harness or the bench reaches it. Checked here, with the compiled tree (<build>/test/unit/..) and the sources.
const BUILD = join(__dirname, '..', '..');
const ROOT = repositoryRoot(__dirname);

function exported({ module, export: name }: ModuleExport): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(BUILD, module)) as Record<string, unknown>)[name];
}

const testFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.test.ts'));

describe('the transports manifest (test/transports.ts)', () => {
  it('names each transport and each lane once', () => {
    const ids = TRANSPORTS.map((entry) => entry.id);
    assert.deepEqual([...new Set(ids)], ids);
    const lanes = [...ids, ...TRANSPORTS.flatMap((entry) => ('extraLanes' in entry ? entry.extraLanes.map((extra) => extra.lane) : []))];
    assert.deepEqual([...new Set(lanes)], lanes);
  });

  for (const entry of TRANSPORTS) {
    it(`${entry.id}: its adapter, reliability driver and bench modules export what it names`, () => {
      assert.ok(['function', 'object'].includes(typeof exported(entry.adapter)), `${entry.adapter.module} exports ${entry.adapter.export}`);
      if ('reliability' in entry) assert.equal(typeof exported(entry.reliability.driver), 'function', `${entry.reliability.driver.module} exports ${entry.reliability.driver.export}`);
      if ('bench' in entry) {
        for (const row of entry.bench.rows) assert.equal(typeof exported({ module: entry.bench.module, export: row.export }), 'function', `${entry.bench.module} exports ${row.export}`);
        if ('extra' in entry.bench) assert.equal(typeof exported({ module: entry.bench.module, export: entry.bench.extra }), 'function', `${entry.bench.module} exports ${entry.bench.extra}`);
      }
    });

    it(`${entry.id}: a broker has its lib folder and package subpath (the suite runs on every entry: transports.conformance.test.ts)`, () => {
      if (!('broker' in entry)) return;
      assert.ok(existsSync(join(ROOT, 'lib', entry.id, 'index.ts')), `lib/${entry.id}/index.ts`);
      const exports = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
      assert.ok(exports[`./${entry.id}`], `package.json exports ./${entry.id}`);
    });
  }

  it('every extra lane has test files, and each test/integration folder is a broker id', () => {
    const files = testFiles('test');
    for (const entry of TRANSPORTS) {
      for (const extra of 'extraLanes' in entry ? entry.extraLanes : []) {
        assert.ok(files.some((file) => extra.files.test(file.split('/').pop()!)), `files of lane ${extra.lane}`);
      }
    }
    // test/integration/<folder>/ is read as a lane by its folder name: each folder must be a broker's id.
    const brokers = TRANSPORTS.filter((entry) => 'broker' in entry).map((entry) => entry.id as string);
    for (const folder of readdirSync(join(ROOT, 'test', 'integration'))) assert.ok(brokers.includes(folder), `test/integration/${folder} is a broker id`);
  });
});
