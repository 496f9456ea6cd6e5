"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const project_links_1 = require("./project-links");
// What a user gets from `npm install nestjs-ack`: the packed tarball (prepack builds it from a
// clean dist), installed into a fresh project, compiled and run under every module resolution a
// Nest project may use, as CommonJS and as ESM. Every subpath in `exports` is imported, so a new
// transport's subpath is covered by adding its `exports` entry. The consumer also runs a terminus
// health check through `nestjs-ack/health`, so its types meet each terminus major's (10, 11, 12).
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
const ROOT = (0, project_links_1.repositoryRoot)(__dirname);
const pkg = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, 'package.json'), 'utf8'));
const SUBPATHS = Object.keys(pkg.exports).filter((key) => key !== '.' && key !== './package.json').map((key) => `${pkg.name}/${key.slice(2)}`);
// scripts/nest-majors.sh reruns some modes against another Nest major: the packages of this node_modules
// come first, the tarball is packed once by the script, and only the listed mode ids run.
const NEST_MODULES = process.env.PACKAGING_NEST_MODULES;
const TARBALL = process.env.PACKAGING_TARBALL;
const ONLY_MODES = process.env.PACKAGING_MODES?.split(',');
const NEST_VERSION = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(NEST_MODULES ?? (0, node_path_1.join)(ROOT, 'node_modules'), '@nestjs/microservices/package.json'), 'utf8')).version;
// The devDependency (TypeScript 7) has no classic `node` resolution, the one of a default Nest 10/11 project (module commonjs).
const TS7 = (0, node_path_1.join)(ROOT, 'node_modules/typescript/bin/tsc');
const TS5_PINS = (0, node_path_1.join)(ROOT, 'test/packaging/typescript-5');
const TS5_DIR = (0, node_path_1.join)(ROOT, '.packaging/typescript-5');
const TS5 = (0, node_path_1.join)(TS5_DIR, 'node_modules/typescript/bin/tsc');
// Nest 12 is ESM: a CommonJS consumer needs `nodenext` (require of ESM, TypeScript >= 5.8); under
// `node16` only an ESM consumer can import Nest 12 at all, whatever the library does.
const MODES = [
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
(0, node_test_1.describe)('the packed package', { timeout: 240_000, concurrency: 4 }, () => {
    let work;
    let files = [];
    (0, node_test_1.before)(async () => {
        work = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'nestjs-ack-pack-'));
        let tarball = TARBALL;
        if (!tarball) {
            const [packed] = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout);
            tarball = (0, node_path_1.join)(work, packed.filename);
        }
        files = (await run('tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
        // One install of the tarball, shared by every mode's project below it; the peers come from this repository.
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(work, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
        await run('npm', ['install', '--offline', '--legacy-peer-deps', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: work });
        if (NEST_MODULES)
            (0, project_links_1.linkModules)(NEST_MODULES, (0, node_path_1.join)(work, 'node_modules'));
        (0, project_links_1.linkModules)((0, node_path_1.join)(ROOT, 'node_modules'), (0, node_path_1.join)(work, 'node_modules'));
        await installTypeScript5();
    });
    (0, node_test_1.after)(() => {
        if (work && !process.env.KEEP_PACKAGING_DIR)
            (0, node_fs_1.rmSync)(work, { recursive: true, force: true });
    });
    (0, node_test_1.it)('ships the build, the license, the README and docs/, and nothing of the tests', () => {
        const docs = (0, node_fs_1.readdirSync)((0, node_path_1.join)(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
        strict_1.default.ok(docs.includes('docs/contract.md') && docs.includes('docs/rabbitmq.md') && docs.includes('docs/kafka.md'));
        for (const file of ['package.json', 'LICENSE', 'README.md', 'dist/index.js', 'dist/index.d.ts', ...docs]) {
            strict_1.default.ok(files.includes(file), `${file} is in the package`);
        }
        for (const subpath of Object.keys(pkg.exports).filter((key) => key !== './package.json')) {
            const target = pkg.exports[subpath];
            strict_1.default.ok(files.includes(target.types.slice(2)), `${target.types} (exports["${subpath}"].types) is in the package`);
            strict_1.default.ok(files.includes(target.default.slice(2)), `${target.default} (exports["${subpath}"].default) is in the package`);
        }
        strict_1.default.deepEqual(files.filter((file) => /^(build|test|sample|bench|scripts)\/|\.test\.|\.ts$/.test(file) && !file.endsWith('.d.ts')), []);
        strict_1.default.match((0, node_fs_1.readFileSync)((0, node_path_1.join)(work, 'node_modules/nestjs-ack/LICENSE'), 'utf8'), /^MIT License/);
    });
    (0, node_test_1.it)('ships every repository file that README.md and docs/ link to, and they link to nothing outside it', () => {
        for (const page of ['README.md', ...(0, node_fs_1.readdirSync)((0, node_path_1.join)(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]) {
            for (const [, target] of (0, node_fs_1.readFileSync)((0, node_path_1.join)(ROOT, page), 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
                if (/^[a-z]+:/.test(target))
                    continue; // https:, mailto:
                const file = (0, node_path_1.join)((0, node_path_1.dirname)(page), target).replace(/\\/g, '/');
                strict_1.default.ok(!file.startsWith('..'), `${page} links to ${target}, outside the repository`);
                // A page another branch adds is checked once it exists; a link into the repository must ship.
                if ((0, node_fs_1.existsSync)((0, node_path_1.join)(ROOT, file))) {
                    strict_1.default.ok(files.includes(file), `${page} links to ${file}, which is not in the package`);
                }
            }
        }
    });
    (0, node_test_1.it)('exports its package.json', () => {
        const resolved = require.resolve('nestjs-ack/package.json', { paths: [work] });
        strict_1.default.equal(JSON.parse((0, node_fs_1.readFileSync)(resolved, 'utf8')).version, pkg.version);
    });
    for (const mode of MODES.filter((m) => !ONLY_MODES || ONLY_MODES.includes(m.id))) {
        (0, node_test_1.it)(`compiles and runs a consumer: ${mode.name}, Nest ${NEST_VERSION}`, async () => {
            const dir = (0, node_path_1.join)(work, mode.name.replace(/\W+/g, '-'));
            (0, node_fs_1.mkdirSync)((0, node_path_1.join)(dir, 'src'), { recursive: true });
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'package.json'), JSON.stringify({ name: 'consumer-mode', private: true, type: mode.type }));
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'src/main.ts'), CONSUMER);
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'tsconfig.json'), JSON.stringify({
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
            const nest = (0, node_fs_1.realpathSync)(require.resolve('@nestjs/microservices', { paths: [dir] }));
            strict_1.default.ok(nest.startsWith((0, node_fs_1.realpathSync)(NEST_MODULES ?? (0, node_path_1.join)(ROOT, 'node_modules'))), `the consumer loads the Nest under test, not ${nest}`);
            const tsc = mode.tsc === 'ts5' ? TS5 : TS7;
            const compiled = await run(process.execPath, [tsc, '-p', dir]).catch((error) => error);
            strict_1.default.ok(!('code' in compiled) || !compiled.code, `tsc failed:\n${compiled.stdout}${compiled.stderr}`);
            const js = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out/main.js'), 'utf8');
            // The consumer is really of the format this mode is about.
            if (mode.type === 'module')
                strict_1.default.match(js, /^import .* from 'nestjs-ack\/testing';$/m);
            else
                strict_1.default.match(js, /require\("nestjs-ack\/testing"\)/);
            const { stdout } = await run(process.execPath, [(0, node_path_1.join)(dir, 'out/main.js')], { cwd: dir, timeout: 30_000 });
            const result = JSON.parse(stdout.trim().split('\n').pop());
            strict_1.default.deepEqual({ settled: result.settled, pattern: result.pattern, handled: result.handled, health: result.health }, { settled: 'ack', pattern: 'order.created', handled: ['o-1'], health: 'ok' });
            for (const subpath of SUBPATHS)
                strict_1.default.ok(result.exported[subpath] > 0, `${subpath} has named exports at runtime (${stdout})`);
        });
    }
});
/** TypeScript 5, pinned by test/packaging/typescript-5's lockfile, installed once into .packaging/ (reused while the lockfile is unchanged). */
async function installTypeScript5() {
    const stamp = (0, node_crypto_1.createHash)('sha1').update((0, node_fs_1.readFileSync)((0, node_path_1.join)(TS5_PINS, 'package-lock.json'))).digest('hex');
    const stampFile = (0, node_path_1.join)(TS5_DIR, '.installed');
    if ((0, node_fs_1.existsSync)(TS5) && (0, node_fs_1.existsSync)(stampFile) && (0, node_fs_1.readFileSync)(stampFile, 'utf8') === stamp)
        return;
    (0, node_fs_1.rmSync)(TS5_DIR, { recursive: true, force: true });
    (0, node_fs_1.mkdirSync)(TS5_DIR, { recursive: true });
    (0, node_fs_1.cpSync)((0, node_path_1.join)(TS5_PINS, 'package.json'), (0, node_path_1.join)(TS5_DIR, 'package.json'));
    (0, node_fs_1.cpSync)((0, node_path_1.join)(TS5_PINS, 'package-lock.json'), (0, node_path_1.join)(TS5_DIR, 'package-lock.json'));
    await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TS5_DIR });
    (0, node_fs_1.writeFileSync)(stampFile, stamp);
}
//# sourceMappingURL=pack.test.js.map