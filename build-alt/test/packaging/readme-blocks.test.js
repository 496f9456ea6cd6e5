"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const project_links_1 = require("./project-links");
const doc_blocks_1 = require("./doc-blocks");
// Every TypeScript block of README.md and docs/*.md is compiled, in one tsc run, as a user's
// project would compile it: strict, imports of `nestjs-ack` and its subpaths resolved to this
// build's declarations (build/lib, what the package ships as dist/), an ESM project so snippets may
// use top-level await. A block that does not compile fails the test with its page and line.
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
const ROOT = (0, project_links_1.repositoryRoot)(__dirname);
/** The compiled library next to this test: under scripts/nest-majors.sh, the copy that loads that Nest major. */
const LIB = (0, node_path_1.join)(__dirname, '../../lib');
const TSC = (0, node_path_1.join)(ROOT, 'node_modules/typescript/bin/tsc');
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
function pages() {
    const docs = (0, node_fs_1.readdirSync)((0, node_path_1.join)(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`);
    return ['README.md', ...docs].map((page) => (0, doc_blocks_1.readDocPage)((0, node_path_1.join)(ROOT, page), page));
}
(0, node_test_1.describe)('TypeScript blocks of README.md and docs/*.md', () => {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'nestjs-ack-doc-blocks-'));
    (0, node_test_1.after)(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    (0, node_test_1.it)('compile under strict against the library, one tsc run for all', { timeout: 120_000 }, async () => {
        const all = pages();
        const files = new Map();
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(dir, 'blocks'));
        for (const page of all) {
            for (const block of page.blocks) {
                const { source, offset } = (0, doc_blocks_1.blockSource)(block, page.preamble);
                const name = (0, doc_blocks_1.blockFileName)(block);
                (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'blocks', name), source);
                files.set(name, { block, offset });
            }
        }
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'blocks', 'canary.ts'), CANARY);
        const readme = all.find((page) => page.page === 'README.md');
        strict_1.default.ok(readme.blocks.length >= 2, `README.md has ${readme.blocks.length} TypeScript blocks`);
        for (const page of all)
            strict_1.default.ok(page.skipped <= 2, `${page.page} skips ${page.skipped} blocks with no-compile: keep them rare`);
        // The Nest major under test first (scripts/nest-majors.sh), then the repository's packages.
        if (NEST_MODULES)
            (0, project_links_1.linkModules)(NEST_MODULES, (0, node_path_1.join)(dir, 'node_modules'));
        (0, project_links_1.linkModules)((0, node_path_1.join)(ROOT, 'node_modules'), (0, node_path_1.join)(dir, 'node_modules'));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'package.json'), JSON.stringify({ name: 'doc-blocks', private: true, type: 'module' }));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'tsconfig.json'), JSON.stringify({
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
                paths: { 'nestjs-ack': [(0, node_path_1.join)(LIB, 'index.d.ts')], 'nestjs-ack/*': [(0, node_path_1.join)(LIB, '*/index.d.ts')] },
            },
            include: ['blocks'],
        }, null, 2));
        const compiled = await run(process.execPath, [TSC, '-p', dir], { maxBuffer: 16 * 1024 * 1024 }).catch((error) => error);
        const failed = 'code' in compiled && compiled.code;
        strict_1.default.ok(!failed, `${files.size} blocks, tsc failed:\n${(0, doc_blocks_1.mapDiagnostics)(`${compiled.stdout}${compiled.stderr}`, files)}`);
    });
});
//# sourceMappingURL=readme-blocks.test.js.map