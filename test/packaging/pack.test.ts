import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { linkModules, repositoryRoot } from './project-links';

// What a user gets from `npm install nestjs-ack`: the packed tarball (prepack builds it from a
// clean dist), installed into a fresh project, compiled and run under every module resolution a
// Nest project may use, as CommonJS and as ESM. Every subpath in `exports` is imported, so a new
// transport's subpath is covered by adding its `exports` entry. The consumer also runs a terminus
// health check through `nestjs-ack/health`, so its types meet each terminus major's (10, 11, 12).

const run = promisify(execFile);
const ROOT = repositoryRoot(__dirname);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; exports: Record<string, unknown>; files: string[] };
const SUBPATHS = Object.keys(pkg.exports).filter((key) => key !== '.' && key !== './package.json').map((key) => `${pkg.name}/${key.slice(2)}`);

// scripts/nest-majors.sh reruns some modes against another Nest major: the packages of this node_modules
// come first, the tarball is packed once by the script, and only the listed mode ids run.
const NEST_MODULES = process.env.PACKAGING_NEST_MODULES;
const TARBALL = process.env.PACKAGING_TARBALL;
const ONLY_MODES = process.env.PACKAGING_MODES?.split(',');
const NEST_VERSION = (JSON.parse(readFileSync(join(NEST_MODULES ?? join(ROOT, 'node_modules'), '@nestjs/microservices/package.json'), 'utf8')) as { version: string }).version;

// The devDependency (TypeScript 7) has no classic `node` resolution, the one of a default Nest 10/11 project (module commonjs).
const TS7 = join(ROOT, 'node_modules/typescript/bin/tsc');
const TS5_PINS = join(ROOT, 'test/packaging/typescript-5');
const TS5_DIR = join(ROOT, '.packaging/typescript-5');
const TS5 = join(TS5_DIR, 'node_modules/typescript/bin/tsc');

interface Mode {
  id: string;
  name: string;
  tsc: 'ts5' | 'ts7';
  type: 'commonjs' | 'module';
  compilerOptions: Record<string, string>;
}

// Nest 12 is ESM: a CommonJS consumer needs `nodenext` (require of ESM, TypeScript >= 5.8); under
// `node16` only an ESM consumer can import Nest 12 at all, whatever the library does.
const MODES: Mode[] = [
  { id: 'node10-cjs-ts5', name: 'node (node10), CommonJS, TS 5', tsc: 'ts5', type: 'commonjs', compilerOptions: { module: 'commonjs', moduleResolution: 'node' } },
  { id: 'nodenext-cjs-ts5', name: 'nodenext, CommonJS, TS 5', tsc: 'ts5', type: 'commonjs', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { id: 'nodenext-cjs-ts7', name: 'nodenext, CommonJS, TS 7', tsc: 'ts7', type: 'commonjs', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { id: 'nodenext-esm-ts7', name: 'nodenext, ESM, TS 7', tsc: 'ts7', type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { id: 'node16-esm-ts5', name: 'node16, ESM, TS 5', tsc: 'ts5', type: 'module', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { id: 'node16-esm-ts7', name: 'node16, ESM, TS 7', tsc: 'ts7', type: 'module', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { id: 'bundler-esm-ts5', name: 'bundler, ESM, TS 5', tsc: 'ts5', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  { id: 'bundler-esm-ts7', name: 'bundler, ESM, TS 7', tsc: 'ts7', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
];

const CONSUMER = `import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { lastValueFrom } from 'rxjs';
import { AckModule, AckPolicy, type SettlementEvent } from 'nestjs-ack';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from 'nestjs-ack/testing';
import { AckHealthIndicator } from 'nestjs-ack/health';
${SUBPATHS.map((subpath, i) => `import * as subpath${i} from '${subpath}';`).join('\n')}

const handled: string[] = [];

@Controller()
class OrdersController {
  @EventPattern<string>('order.created')
  @AckPolicy('ACK')
  created(@Payload() order: { id: string }): void {
    handled.push(order.id);
  }
}

@Module({ imports: [AckModule.forRoot(), TerminusModule.forRoot({ logger: false })], controllers: [OrdersController], providers: [AckHealthIndicator] })
class AppModule {}

async function main(): Promise<void> {
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  const app = await NestFactory.createMicroservice(AppModule, { strategy: server, logger: false });
  const settled = new Promise<SettlementEvent>((resolve) => server.on('settled', resolve));
  await app.listen();
  const client = new InMemoryAckClient({ broker, queue: 'orders' });
  await lastValueFrom(client.emit('order.created', { id: 'o-1' }));
  const event = await settled;
  const health = await app.get(HealthCheckService).check([() => app.get(AckHealthIndicator).check('orders', server)]);
  const exported: Record<string, number> = {};
${SUBPATHS.map((subpath, i) => `  exported['${subpath}'] = Object.keys(subpath${i}).filter((name) => name !== 'default').length;`).join('\n')}
  console.log(JSON.stringify({ settled: event.settlement.kind, pattern: event.pattern, handled, exported, health: health.status }));
  client.close();
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

describe('the packed package', { timeout: 240_000, concurrency: 4 }, () => {
  let work: string;
  let files: string[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'nestjs-ack-pack-'));
    let tarball = TARBALL;
    if (!tarball) {
      const [packed] = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout) as Array<{ filename: string }>;
      tarball = join(work, packed.filename);
    }
    files = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    // One install of the tarball, shared by every mode's project below it; the peers come from this repository.
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run('npm', ['install', '--offline', '--legacy-peer-deps', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: work });
    if (NEST_MODULES) linkModules(NEST_MODULES, join(work, 'node_modules'));
    linkModules(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    await installTypeScript5();
  });

  after(() => {
    if (work && !process.env.KEEP_PACKAGING_DIR) rmSync(work, { recursive: true, force: true });
  });

  it('ships the build, the license, the README and docs/, and nothing of the tests', () => {
    const docs = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
    assert.ok(docs.includes('docs/contract.md') && docs.includes('docs/rabbitmq.md') && docs.includes('docs/kafka.md'));
    for (const file of ['package.json', 'LICENSE', 'README.md', 'dist/index.js', 'dist/index.d.ts', ...docs]) {
      assert.ok(files.includes(file), `${file} is in the package`);
    }
    for (const subpath of Object.keys(pkg.exports).filter((key) => key !== './package.json')) {
      const target = pkg.exports[subpath] as { types: string; default: string };
      assert.ok(files.includes(target.types.slice(2)), `${target.types} (exports["${subpath}"].types) is in the package`);
      assert.ok(files.includes(target.default.slice(2)), `${target.default} (exports["${subpath}"].default) is in the package`);
    }
    assert.deepEqual(files.filter((file) => /^(build|test|sample|bench|scripts)\/|\.test\.|\.ts$/.test(file) && !file.endsWith('.d.ts')), []);
    assert.match(readFileSync(join(work, 'node_modules/nestjs-ack/LICENSE'), 'utf8'), /^MIT License/);
  });

  it('ships every repository file that README.md and docs/ link to, and they link to nothing outside it', () => {
    for (const page of ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]) {
      for (const [, target] of readFileSync(join(ROOT, page), 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
        const file = join(dirname(page), target).replace(/\\/g, '/');
        assert.ok(!file.startsWith('..'), `${page} links to ${target}, outside the repository`);
        // A page another branch adds is checked once it exists; a link into the repository must ship.
        if (existsSync(join(ROOT, file))) {
          assert.ok(files.includes(file), `${page} links to ${file}, which is not in the package`);
        }
      }
    }
  });

  it('exports its package.json', () => {
    const resolved = require.resolve('nestjs-ack/package.json', { paths: [work] });
    assert.equal(JSON.parse(readFileSync(resolved, 'utf8')).version, pkg.version);
  });

  for (const mode of MODES.filter((m) => !ONLY_MODES || ONLY_MODES.includes(m.id))) {
    it(`compiles and runs a consumer: ${mode.name}, Nest ${NEST_VERSION}`, async () => {
      const dir = join(work, mode.name.replace(/\W+/g, '-'));
      mkdirSync(join(dir, 'src'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer-mode', private: true, type: mode.type }));
      writeFileSync(join(dir, 'src/main.ts'), CONSUMER);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          ...mode.compilerOptions,
          target: 'es2022',
          strict: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          // A default Nest project skips library checks; ours are type-checked by its own build.
          skipLibCheck: true,
          types: ['node'],
          rootDir: 'src',
          outDir: 'out',
        },
        include: ['src'],
      }));
      const nest = realpathSync(require.resolve('@nestjs/microservices', { paths: [dir] }));
      assert.ok(nest.startsWith(realpathSync(NEST_MODULES ?? join(ROOT, 'node_modules'))), `the consumer loads the Nest under test, not ${nest}`);
      const tsc = mode.tsc === 'ts5' ? TS5 : TS7;
      const compiled = await run(process.execPath, [tsc, '-p', dir]).catch((error) => error as { code: number; stdout: string; stderr: string });
      assert.ok(!('code' in compiled) || !compiled.code, `tsc failed:\n${compiled.stdout}${compiled.stderr}`);
      const js = readFileSync(join(dir, 'out/main.js'), 'utf8');
      // The consumer is really of the format this mode is about.
      if (mode.type === 'module') assert.match(js, /^import .* from 'nestjs-ack\/testing';$/m);
      else assert.match(js, /require\("nestjs-ack\/testing"\)/);
      const { stdout } = await run(process.execPath, [join(dir, 'out/main.js')], { cwd: dir, timeout: 30_000 });
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as { settled: string; pattern: string; handled: string[]; exported: Record<string, number>; health: string };
      assert.deepEqual({ settled: result.settled, pattern: result.pattern, handled: result.handled, health: result.health }, { settled: 'ack', pattern: 'order.created', handled: ['o-1'], health: 'ok' });
      for (const subpath of SUBPATHS) assert.ok(result.exported[subpath] > 0, `${subpath} has named exports at runtime (${stdout})`);
    });
  }
});

/** TypeScript 5, pinned by test/packaging/typescript-5's lockfile, installed once into .packaging/ (reused while the lockfile is unchanged). */
async function installTypeScript5(): Promise<void> {
  const stamp = createHash('sha1').update(readFileSync(join(TS5_PINS, 'package-lock.json'))).digest('hex');
  const stampFile = join(TS5_DIR, '.installed');
  if (existsSync(TS5) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(TS5_DIR, { recursive: true, force: true });
  mkdirSync(TS5_DIR, { recursive: true });
  cpSync(join(TS5_PINS, 'package.json'), join(TS5_DIR, 'package.json'));
  cpSync(join(TS5_PINS, 'package-lock.json'), join(TS5_DIR, 'package-lock.json'));
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TS5_DIR });
  writeFileSync(stampFile, stamp);
}
