import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readDocPage, type DocBlock } from './doc-blocks';

const run = promisify(execFile);

/** The Nest majors whose `nest new` projects are fixtures in test/packaging/quickstart/<major>/. */
export const NEST_MAJORS = [10, 11, 12] as const;
export type NestMajor = (typeof NEST_MAJORS)[number];

/**
 * The files of a page's section (the README's "## Quick start", docs/health.md's complete app): every
 * TypeScript block of the section, each headed by `// src/<name>.ts`. A block there without that header
 * fails, so none is silently left out.
 */
export function sectionFiles(root: string, page: string, heading: string): Map<string, DocBlock> {
  const path = join(root, page);
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${page} has no "${heading}" section`);
  const next = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  const end = next < 0 ? lines.length : next;
  const files = new Map<string, DocBlock>();
  for (const block of readDocPage(path, page).blocks) {
    if (block.line <= start || block.line > end) continue;
    if (!block.file) throw new Error(`${page}:${block.line}: a block of "${heading}" must start with its file name (// src/<name>.ts)`);
    if (files.has(block.file)) throw new Error(`${page}:${block.line}: ${block.file} twice in "${heading}"`);
    files.set(block.file, block);
  }
  if (!files.has('src/main.ts')) throw new Error(`${page}: "${heading}" has no src/main.ts`);
  return files;
}

/**
 * The tsconfig.json of a `nest new` project (test/packaging/quickstart/<major>/, as generated), turned
 * strict or not the way a user would: strict adds `strict: true` and drops the generated opt-outs of
 * its family (Nest 10 writes `strictNullChecks: false`, `noImplicitAny: false`, ...); not strict sets
 * `strict: false` and leaves the rest. `types` entries this test does not install (Nest 12's
 * `vitest/globals`, for its spec files) are left out.
 */
export function projectTsconfig(fixture: string, strict: boolean): Record<string, unknown> {
  const tsconfig = JSON.parse(readFileSync(join(fixture, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  const options = { ...tsconfig.compilerOptions };
  if (strict) {
    for (const flag of ['noImplicitAny', 'noImplicitThis', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization', 'useUnknownInCatchVariables', 'alwaysStrict']) {
      delete options[flag];
    }
  }
  options.strict = strict;
  if (Array.isArray(options.types)) options.types = options.types.filter((type: string) => !type.startsWith('vitest'));
  return { ...tsconfig, compilerOptions: options };
}

/** Type checks every project must pass, so a project that checks nothing (or sees `any`) fails. */
export function canarySource(major: NestMajor, strict: boolean): string {
  const lines = [
    `import { NackMessage } from 'nestjs-ack';`,
    `// @ts-expect-error the package's types are real, not any: delayMs is a number`,
    `new NackMessage({ delayMs: 'soon' });`,
  ];
  if (strict) {
    lines.push(`// @ts-expect-error strict is on: an implicit any`, `export const implicitAny = (value) => value;`);
  }
  if (strict && major === 12) {
    // Why the README writes @EventPattern<string>(): when Nest's typings change, this directive fails and the README can drop it.
    lines.unshift(`import { Ctx, EventPattern } from '@nestjs/microservices';`, `import { AckContext } from 'nestjs-ack';`);
    lines.push(
      `export class WithoutTypeArgument {`,
      `  // @ts-expect-error TS1241: Nest 12 types the handlers of @EventPattern('x') as (data, ...args: unknown[])`,
      `  @EventPattern('order.archive')`,
      `  archive(order: unknown, @Ctx() ctx: AckContext): void {}`,
      `}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The node_modules with a Nest major's packages: the repository's for Nest 12 (the devDependencies),
 * else .nest-majors/<major>/node_modules, installed from scripts/nest-majors/<major>/'s lockfile the way
 * scripts/nest-majors.sh does it (same stamp, so the script and this test reuse each other's install).
 */
export async function nestModules(root: string, major: NestMajor): Promise<string> {
  if (major === 12) return join(root, 'node_modules');
  const pins = join(root, 'scripts/nest-majors', String(major));
  const dir = join(root, '.nest-majors', String(major));
  const stamp = createHash('sha1').update(readFileSync(join(pins, 'package.json'))).update(readFileSync(join(pins, 'package-lock.json'))).digest('hex');
  const stampFile = join(dir, '.installed');
  if (!existsSync(join(dir, 'node_modules')) || !existsSync(stampFile) || readFileSync(stampFile, 'utf8').trim() !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(pins, 'package.json'), join(dir, 'package.json'));
    cpSync(join(pins, 'package-lock.json'), join(dir, 'package-lock.json'));
    await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
    writeFileSync(stampFile, `${stamp}\n`);
  }
  return join(dir, 'node_modules');
}

/** TypeScript 5 (what `nest new` 10 and 11 install), pinned by test/packaging/typescript-5, installed once into .packaging/ as pack.test.ts does. */
export async function typeScript5(root: string): Promise<string> {
  const pins = join(root, 'test/packaging/typescript-5');
  const dir = join(root, '.packaging/typescript-5');
  const tsc = join(dir, 'node_modules/typescript/bin/tsc');
  const stamp = createHash('sha1').update(readFileSync(join(pins, 'package-lock.json'))).digest('hex');
  const stampFile = join(dir, '.installed');
  if (existsSync(tsc) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return tsc;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(pins, 'package.json'), join(dir, 'package.json'));
  cpSync(join(pins, 'package-lock.json'), join(dir, 'package-lock.json'));
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  writeFileSync(stampFile, stamp);
  return tsc;
}
