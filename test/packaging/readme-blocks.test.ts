import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { linkModules, repositoryRoot } from './project-links';
import { blockFileName, blockSource, mapDiagnostics, readDocPage, type DocBlock, type DocPage } from './doc-blocks';

// Every TypeScript block of README.md and docs/*.md is compiled, in one tsc run, as a user's
// project would compile it: strict, imports of `nestjs-ack` and its subpaths resolved to this
// build's declarations (build/lib, what the package ships as dist/), an ESM project so snippets may
// use top-level await. A block that does not compile fails the test with its page and line.

const run = promisify(execFile);
const ROOT = repositoryRoot(__dirname);
/** The compiled library next to this test: under scripts/nest-majors.sh, the copy that loads that Nest major. */
const LIB = join(__dirname, '../../lib');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** scripts/nest-majors.sh: that major's packages come first, the rest from the repository. */
const NEST_MODULES = process.env.PACKAGING_NEST_MODULES;

// Types the library really has: were `nestjs-ack` to resolve to `any`, these expected errors would
// not happen and tsc would fail on the unused directives.
const CANARY = `import { AckPolicy, NackMessage } from 'nestjs-ack';
import { InMemoryBroker } from 'nestjs-ack/testing';
// @ts-expect-error delayMs is a number
new NackMessage({ delayMs: 'soon' });
// @ts-expect-error not a policy
AckPolicy.SOMETIMES;
// @ts-expect-error no such method
new InMemoryBroker().waitForEverything();
export {};
`;

function pages(): DocPage[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`);
  return ['README.md', ...docs].map((page) => readDocPage(join(ROOT, page), page));
}

describe('TypeScript blocks of README.md and docs/*.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nestjs-ack-doc-blocks-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('compile under strict against the library, one tsc run for all', { timeout: 120_000 }, async () => {
    const all = pages();
    const files = new Map<string, { block: DocBlock; offset: number }>();
    mkdirSync(join(dir, 'blocks'));
    for (const page of all) {
      for (const block of page.blocks) {
        const { source, offset } = blockSource(block, page.preamble);
        const name = blockFileName(block);
        mkdirSync(dirname(join(dir, 'blocks', name)), { recursive: true });
        writeFileSync(join(dir, 'blocks', name), source);
        files.set(name, { block, offset });
      }
    }
    writeFileSync(join(dir, 'blocks', 'canary.ts'), CANARY);
    const readme = all.find((page) => page.page === 'README.md')!;
    assert.ok(readme.blocks.length >= 2, `README.md has ${readme.blocks.length} TypeScript blocks`);
    for (const page of all) assert.ok(page.skipped <= 2, `${page.page} skips ${page.skipped} blocks with no-compile: keep them rare`);

    // The Nest major under test first (scripts/nest-majors.sh), then the repository's packages.
    if (NEST_MODULES) linkModules(NEST_MODULES, join(dir, 'node_modules'));
    linkModules(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'doc-blocks', private: true, type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        rootDir: '.',
        noEmit: true,
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        skipLibCheck: true,
        types: ['node'],
        paths: { 'nestjs-ack': [join(LIB, 'index.d.ts')], 'nestjs-ack/*': [join(LIB, '*/index.d.ts')] },
      },
      include: ['blocks'],
    }, null, 2));

    const compiled = await run(process.execPath, [TSC, '-p', dir], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => error as { code: number; stdout: string; stderr: string });
    const failed = 'code' in compiled && compiled.code;
    assert.ok(!failed, `${files.size} blocks, tsc failed:\n${mapDiagnostics(`${compiled.stdout}${compiled.stderr}`, files)}`);
  });
});
