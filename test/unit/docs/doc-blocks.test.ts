import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { blockFileName, blockSource, mapDiagnostics, readDocPage } from '../../packaging/doc-blocks';

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

\`\`\`mermaid
flowchart TD
  broker --> handler
\`\`\`
`;

describe('doc blocks: what the README/docs compile test reads from a page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-blocks-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'page.md'), PAGE);
  const page = readDocPage(join(dir, 'page.md'), 'docs/page.md');

  it('takes ts blocks (also indented ones), skips other languages (bash, mermaid diagrams) and no-compile, and reads the preamble', () => {
    assert.equal(page.blocks.length, 2);
    assert.equal(page.skipped, 1);
    assert.deepEqual(page.blocks.map((block) => [block.line, block.fragment]), [[9, false], [20, true]]);
    assert.equal(page.blocks[1].code, 'await ctx.ack();');
    assert.match(page.preamble!, /^import \{ AckContext \} from 'nestjs-ack';\ndeclare const ctx: AckContext;$/);
  });

  it('puts the preamble before fragments only, and makes every block a module', () => {
    const whole = blockSource(page.blocks[0], page.preamble);
    assert.equal(whole.offset, 0);
    assert.ok(!whole.source.includes('declare const ctx') && whole.source.endsWith('export {};\n'));
    const fragment = blockSource(page.blocks[1], page.preamble);
    assert.equal(fragment.offset, 2);
    assert.ok(fragment.source.startsWith('import { AckContext }'));
    assert.throws(() => blockSource(page.blocks[1], undefined), /fragment block, but the page has no ts-preamble/);
  });

  it('maps compiler errors back to the page and line of the block', () => {
    const files = new Map(page.blocks.map((block) => [blockFileName(block), { block, offset: blockSource(block, page.preamble).offset }]));
    const output = [
      `blocks/${blockFileName(page.blocks[0])}(2,10): error TS2339: nope.`,
      `blocks/${blockFileName(page.blocks[1])}(3,7): error TS2304: nope.`,
      `blocks/${blockFileName(page.blocks[1])}(1,1): error TS2307: preamble.`,
    ].join('\n');
    assert.equal(mapDiagnostics(output, files), [
      'docs/page.md:10:10: error TS2339: nope.',
      'docs/page.md:20:7: error TS2304: nope.',
      'docs/page.md:20 (ts-preamble line 1):1: error TS2307: preamble.',
    ].join('\n'));
  });

  it('refuses a block that never closes', () => {
    writeFileSync(join(dir, 'open.md'), 'text\n```ts\nconst a = 1;\n');
    assert.throws(() => readDocPage(join(dir, 'open.md'), 'open.md'), /open.md:2: a code block that never closes/);
  });
});
