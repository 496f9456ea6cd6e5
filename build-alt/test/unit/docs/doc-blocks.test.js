"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const doc_blocks_1 = require("../../packaging/doc-blocks");
const PAGE = `# A page

<!-- ts-preamble
import { AckContext } from 'nestjs-ack';
declare const ctx: AckContext;
-->

\`\`\`ts
import { AckModule } from 'nestjs-ack';
export const m = AckModule.forRoot();
\`\`\`

\`\`\`bash
npm test
\`\`\`

- in a list:

  \`\`\`ts fragment
  await ctx.ack();
  \`\`\`

\`\`\`ts no-compile
this is not TypeScript
\`\`\`
`;
(0, node_test_1.describe)('doc blocks: what the README/docs compile test reads from a page', () => {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'doc-blocks-'));
    (0, node_test_1.after)(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'page.md'), PAGE);
    const page = (0, doc_blocks_1.readDocPage)((0, node_path_1.join)(dir, 'page.md'), 'docs/page.md');
    (0, node_test_1.it)('takes ts blocks (also indented ones), skips other languages and no-compile, and reads the preamble', () => {
        strict_1.default.equal(page.blocks.length, 2);
        strict_1.default.equal(page.skipped, 1);
        strict_1.default.deepEqual(page.blocks.map((block) => [block.line, block.fragment]), [[9, false], [20, true]]);
        strict_1.default.equal(page.blocks[1].code, 'await ctx.ack();');
        strict_1.default.match(page.preamble, /^import \{ AckContext \} from 'nestjs-ack';\ndeclare const ctx: AckContext;$/);
    });
    (0, node_test_1.it)('puts the preamble before fragments only, and makes every block a module', () => {
        const whole = (0, doc_blocks_1.blockSource)(page.blocks[0], page.preamble);
        strict_1.default.equal(whole.offset, 0);
        strict_1.default.ok(!whole.source.includes('declare const ctx') && whole.source.endsWith('export {};\n'));
        const fragment = (0, doc_blocks_1.blockSource)(page.blocks[1], page.preamble);
        strict_1.default.equal(fragment.offset, 2);
        strict_1.default.ok(fragment.source.startsWith('import { AckContext }'));
        strict_1.default.throws(() => (0, doc_blocks_1.blockSource)(page.blocks[1], undefined), /fragment block, but the page has no ts-preamble/);
    });
    (0, node_test_1.it)('maps compiler errors back to the page and line of the block', () => {
        const files = new Map(page.blocks.map((block) => [(0, doc_blocks_1.blockFileName)(block), { block, offset: (0, doc_blocks_1.blockSource)(block, page.preamble).offset }]));
        const output = [
            `blocks/${(0, doc_blocks_1.blockFileName)(page.blocks[0])}(2,10): error TS2339: nope.`,
            `blocks/${(0, doc_blocks_1.blockFileName)(page.blocks[1])}(3,7): error TS2304: nope.`,
            `blocks/${(0, doc_blocks_1.blockFileName)(page.blocks[1])}(1,1): error TS2307: preamble.`,
        ].join('\n');
        strict_1.default.equal((0, doc_blocks_1.mapDiagnostics)(output, files), [
            'docs/page.md:10:10: error TS2339: nope.',
            'docs/page.md:20:7: error TS2304: nope.',
            'docs/page.md:20 (ts-preamble line 1):1: error TS2307: preamble.',
        ].join('\n'));
    });
    (0, node_test_1.it)('refuses a block that never closes', () => {
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'open.md'), 'text\n```ts\nconst a = 1;\n');
        strict_1.default.throws(() => (0, doc_blocks_1.readDocPage)((0, node_path_1.join)(dir, 'open.md'), 'open.md'), /open.md:2: a code block that never closes/);
    });
});
//# sourceMappingURL=doc-blocks.test.js.map