import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { GetMessage } from 'amqplib';
import { lastValueFrom, timeout } from 'rxjs';
import { RabbitAckClient } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { deadLetterFields, deleteRabbitTopology, peekQueue, queueDepth, RABBITMQ_URL } from '../support/rabbit-broker';
import { waitFor } from '../support/wait-for';
import { mapDiagnostics, type DocBlock } from './doc-blocks';
import { linkModules, repositoryRoot } from './project-links';
import { canarySource, NEST_MAJORS, nestModules, projectTsconfig, sectionFiles, typeScript5, type NestMajor } from './quickstart-projects';
import { freePort } from '../support/free-port';

// The README's quick start as a new user meets it: its blocks written as the files they name into the
// projects `nest new` makes for Nest 10, 11 and 12 (their tsconfig.json, tsconfig.build.json and
// package.json as generated, in test/packaging/quickstart/<major>/), with nestjs-ack installed from the
// packed tarball. Each project is compiled with and without `strict` as `nest build` would
// (tsconfig.build.json; TypeScript 5 as `nest new` 10 and 11 pin it, the repository's for 12), then its
// dist/main.js runs on RabbitMQ on a queue of its own: a request gets its reply, a good order is acked
// and an empty one dead-lettered, and the broker shows the queue empty.

const run = promisify(execFile);
const ROOT = repositoryRoot(__dirname);
const TS_REPO = join(ROOT, 'node_modules/typescript/bin/tsc');
/** scripts/nest-majors.sh reruns test/packaging per major: this test covers all three majors in the main run already. */
const UNDER_NEST_MAJORS = process.env.PACKAGING_NEST_MODULES !== undefined;

describe('the README quick start in the projects `nest new` makes', { concurrency: 3, timeout: 180_000, skip: UNDER_NEST_MAJORS && 'covered by the main run (all three majors)' }, () => {
  let work: string;
  const files = sectionFiles(ROOT, 'README.md', '## Quick start');
  let ts5: string;

  before(async () => {
    assert.ok(files.size >= 4, `the quick start has at least 4 files (${[...files.keys()]})`);
    work = mkdtempSync(join(tmpdir(), 'nestjs-ack-quickstart-'));
    const tarball = process.env.PACKAGING_TARBALL ?? join(work, (JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout) as Array<{ filename: string }>)[0].filename);
    [ts5] = await Promise.all([
      typeScript5(ROOT),
      // One install of the tarball per major, beside that major's Nest: the library loads the Nest the app loads.
      ...NEST_MAJORS.map(async (major) => {
        const modules = await nestModules(ROOT, major);
        const base = join(work, `nest${major}`);
        mkdirSync(base);
        writeFileSync(join(base, 'package.json'), JSON.stringify({ name: `quickstart-nest${major}`, private: true }));
        await run('npm', ['install', '--offline', '--legacy-peer-deps', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: base });
        linkModules(modules, join(base, 'node_modules'));
        linkModules(join(ROOT, 'node_modules'), join(base, 'node_modules'));
      }),
    ]);
  });

  after(() => {
    if (work && !process.env.KEEP_PACKAGING_DIR) rmSync(work, { recursive: true, force: true });
  });

  for (const major of NEST_MAJORS) {
    for (const strict of [true, false]) {
      it(`Nest ${major} project, ${strict ? 'strict' : 'not strict'}: compiles unchanged and runs on RabbitMQ`, async () => {
        const dir = join(work, `nest${major}`, strict ? 'strict' : 'loose');
        const fixture = join(ROOT, 'test/packaging/quickstart', String(major));
        writeProject(dir, fixture, files, major, strict);
        const expectedNest = realpathSync(await nestModules(ROOT, major));
        const nest = realpathSync(require.resolve('@nestjs/microservices', { paths: [dir] }));
        assert.ok(nest.startsWith(expectedNest), `the project loads Nest ${major}, not ${nest}`);

        const tsc = major === 12 ? TS_REPO : ts5;
        await compile(tsc, dir, files);
        const main = readFileSync(join(dir, 'dist/main.js'), 'utf8');
        // The project is of the module format `nest new` gave it.
        if (major === 12) assert.match(main, /^import .* from 'nestjs-ack\/rabbitmq';$/m);
        else assert.match(main, /require\("nestjs-ack\/rabbitmq"\)/);

        await runOnRabbit(dir, `quickstart-nest${major}-${strict ? 'strict' : 'loose'}`);
      });
    }
  }

  // The repository has Nest 12's HTTP platform, terminus and config; the page's blocks are also compiled against 10 and 11 (readme-blocks under scripts/nest-majors.sh).
  it('docs/health.md: its hybrid app compiles in the Nest 12 project (strict), consumes, and GET /health answers up', async () => {
    const dir = join(work, 'nest12', 'health');
    const healthFiles = sectionFiles(ROOT, 'docs/health.md', '## Usage: a complete hybrid app');
    writeProject(dir, join(ROOT, 'test/packaging/quickstart/12'), healthFiles, 12, true);
    await compile(TS_REPO, dir, healthFiles);
    await runHealthApp(dir);
  });
});

/** The fixture's config files as generated (tsconfig.json made strict or not), the README's files, and the canary. */
function writeProject(dir: string, fixture: string, files: Map<string, DocBlock>, major: NestMajor, strict: boolean): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const name of ['package.json', 'tsconfig.build.json']) writeFileSync(join(dir, name), readFileSync(join(fixture, name)));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(projectTsconfig(fixture, strict), null, 2));
  for (const [name, block] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), `${block.code}\n`);
  }
  writeFileSync(join(dir, 'src/canary.ts'), canarySource(major, strict));
}

/** `nest build`'s compile (tsconfig.build.json); errors in the page's files point at the page and line. */
async function compile(tsc: string, dir: string, files: Map<string, DocBlock>): Promise<void> {
  const compiled = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { cwd: dir }).catch((error) => error as { code: number; stdout: string; stderr: string });
  const diagnostics = mapDiagnostics(`${compiled.stdout}${compiled.stderr}`, new Map([...files].map(([name, block]) => [name, { block, offset: 0 }])));
  assert.ok(!('code' in compiled) || !compiled.code, `tsc ${tsc === TS_REPO ? '(the repository\'s)' : '5'} failed in ${dir}:\n${diagnostics}`);
}

/** A project's dist/main.js as a child process on a queue of its own, its output collected. */
interface RunningApp {
  output(): string;
  /** SIGTERM (the app's enableShutdownHooks()), and asserts it stopped cleanly and logged no error. */
  stop(): Promise<void>;
  kill(): void;
}

async function startApp(dir: string, env: Record<string, string>, ready: string): Promise<RunningApp> {
  let output = '';
  const app: ChildProcess = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env: { ...process.env, RABBITMQ_URL, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => app.on('exit', (code, signal) => {
    running = false;
    resolve({ code, signal });
  }));
  const kill = () => void (running && app.kill('SIGKILL'));
  await waitFor(() => {
    if (!running) throw new Error('the app exited');
    return output.includes(ready);
  }, { timeoutMs: 20_000, message: `"${ready}"` }).catch((error: Error) => {
    kill();
    assert.fail(`${error.message}; its output:\n${output}`);
  });
  return {
    output: () => output,
    kill,
    async stop() {
      app.kill('SIGTERM');
      // Nest closes the app, then raises the signal again.
      const exit = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000).unref())]);
      kill();
      assert.ok(exit !== 'hung' && (exit.signal === 'SIGTERM' || exit.code === 0), `the app stopped cleanly on SIGTERM (${JSON.stringify(exit)}):\n${output}`);
      assert.doesNotMatch(output, /\bERROR\b/, 'nothing logged at error level');
    },
  };
}

/** The quick start on a fresh queue: a request gets its reply, a good order is acked, an empty one dead-lettered, and the broker shows the queue empty. */
async function runOnRabbit(dir: string, prefix: string): Promise<void> {
  const queue = uniqueName(prefix);
  const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
  let app: RunningApp | undefined;
  try {
    app = await startApp(dir, { ORDERS_QUEUE: queue }, 'Nest microservice successfully started');
    const total = await lastValueFrom(client.send<number>('order.total', { id: 'o-total', items: [{ sku: 'a', price: 2 }, { sku: 'b', price: 3 }] }).pipe(timeout(10_000)));
    assert.equal(total, 5, 'order.total handled: its reply');
    await lastValueFrom(client.emit('payment.capture', { id: 'o-good', items: [{ sku: 'a', price: 2 }] }), { defaultValue: undefined });
    await lastValueFrom(client.emit('payment.capture', { id: 'o-empty', items: [] }), { defaultValue: undefined });

    // The empty order is the only dead letter (an unhandled message would be one too, reason no-handler)...
    let deadLetters: GetMessage[] = [];
    await waitFor(async () => (deadLetters = await peekQueue(`${queue}.dlq`)).length >= 1, { timeoutMs: 15_000, message: `a dead letter in ${queue}.dlq` });
    const entry = deadLetterFields(deadLetters[0]);
    assert.equal(deadLetters.length, 1, 'one dead letter');
    assert.equal(entry.reason, 'empty-order');
    assert.equal(JSON.parse(entry.body.toString()).data.id, 'o-empty');
    // ...and the queue holds nothing, ready or unacked: the good order was acked by its handler.
    await waitForEmpty(queue);
    assert.equal((await peekQueue(`${queue}.dlq`)).length, 1, 'still one dead letter');
    await app.stop();
  } finally {
    app?.kill();
    await client.close();
    await deleteRabbitTopology(queue);
  }
}

/** docs/health.md's hybrid app: consumes, and GET /health answers up with the queue's details. */
async function runHealthApp(dir: string): Promise<void> {
  const queue = uniqueName('quickstart-health');
  const port = await freePort();
  const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
  let app: RunningApp | undefined;
  try {
    app = await startApp(dir, { ORDERS_QUEUE: queue, PORT: String(port) }, 'Nest application successfully started');
    await lastValueFrom(client.emit('order.created', { id: 'o-health' }), { defaultValue: undefined });
    await waitFor(() => app!.output().includes('order o-health created'), { message: 'the handler to log the order' });
    await waitForEmpty(queue);
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    const body = (await response.json()) as { status: string; info: Record<string, { status: string; queue: string; consuming: boolean }> };
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.deepEqual({ status: body.status, orders: body.info.orders.status, queue: body.info.orders.queue, consuming: body.info.orders.consuming }, { status: 'ok', orders: 'up', queue, consuming: true });
    await app.stop();
  } finally {
    app?.kill();
    await client.close();
    await deleteRabbitTopology(queue);
  }
}

async function waitForEmpty(queue: string): Promise<void> {
  await waitFor(async () => {
    const depth = await queueDepth(queue);
    return depth?.ready === 0 && depth.unacked === 0;
  }, { timeoutMs: 15_000, intervalMs: 250, message: `${queue} to hold no message, ready or unacked` });
}
