import { readFileSync } from 'node:fs';

/**
 * A TypeScript code block of a Markdown page, as the test compiles it.
 *
 * Rules the pages follow:
 * - a fence opened with ```ts (or ```typescript) is compiled as a module of its own;
 * - ```ts fragment is compiled after the page's preamble, an HTML comment
 *   `<!-- ts-preamble ... -->` (imports and `declare const` lines a short snippet assumes);
 * - ```ts no-compile is skipped: keep these rare, and say next to the block why;
 * - a block whose first line is `// src/<name>.ts` is that file of the page's project: the page's
 *   file blocks are written side by side under their names, so they import each other (`./x.js`).
 */
export interface DocBlock {
  /** The page, relative to the repository. */
  page: string;
  /** Line of the block's first code line in the page (1-based). */
  line: number;
  code: string;
  fragment: boolean;
  /** `src/<name>.ts` when the block's first line names its file. */
  file?: string;
}

export interface DocPage {
  page: string;
  blocks: DocBlock[];
  skipped: number;
  preamble?: string;
}

const FENCE_OPEN = /^(\s*)```(ts|typescript)\b(.*)$/;
const FENCE_CLOSE = /^\s*```\s*$/;
const FILE_HEADER = /^\/\/ (src\/[\w./-]+\.ts)\s*$/;

/** Reads the TypeScript blocks and the preamble of one page. */
export function readDocPage(path: string, page: string): DocPage {
  const lines = readFileSync(path, 'utf8').split('\n');
  const result: DocPage = { page, blocks: [], skipped: 0 };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '<!-- ts-preamble') {
      const end = lines.indexOf('-->', i);
      if (end < 0) throw new Error(`${page}:${i + 1}: ts-preamble without its closing -->`);
      result.preamble = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const flags = open[3].trim().split(/\s+/);
    const start = i + 1;
    let end = start;
    while (end < lines.length && !FENCE_CLOSE.test(lines[end])) end++;
    if (end === lines.length) throw new Error(`${page}:${i + 1}: a code block that never closes`);
    const code = lines.slice(start, end).map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
    i = end;
    if (flags.includes('no-compile')) {
      result.skipped++;
      continue;
    }
    const file = FILE_HEADER.exec(code.split('\n')[0])?.[1];
    result.blocks.push({ page, line: start + 1, code, fragment: flags.includes('fragment'), ...(file ? { file } : {}) });
  }
  return result;
}

/** The file a block is compiled as: named after its page and line (or its page and file), so compiler errors say where to look. */
export function blockFileName(block: DocBlock): string {
  const page = block.page.replace(/[^A-Za-z0-9]+/g, '_');
  return block.file ? `${page}/${block.file}` : `${page}_L${block.line}.ts`;
}

/** The source of a block's file: preamble (fragments only), the code, and an export that makes it a module. */
export function blockSource(block: DocBlock, preamble: string | undefined): { source: string; offset: number } {
  if (block.fragment && preamble === undefined) throw new Error(`${block.page}:${block.line}: a fragment block, but the page has no ts-preamble`);
  const head = block.fragment ? `${preamble}\n` : '';
  return { source: `${head}${block.code}\nexport {};\n`, offset: block.fragment ? preamble!.split('\n').length : 0 };
}

/**
 * Rewrites compiler output lines `<file>(line,col): error ...` to `<page>:<line>:<col>: error ...`,
 * pointing at the Markdown source.
 */
export function mapDiagnostics(output: string, files: Map<string, { block: DocBlock; offset: number }>): string {
  return output.replace(/^(\S+?\.ts)\((\d+),(\d+)\)/gm, (whole, file: string, line: string, col: string) => {
    const path = file.replace(/\\/g, '/');
    const entry = [...files].find(([name]) => path === name || path.endsWith(`/${name}`))?.[1];
    if (!entry) return whole;
    const inBlock = Number(line) - entry.offset;
    const where = inBlock >= 1 ? `${entry.block.line + inBlock - 1}` : `${entry.block.line} (ts-preamble line ${line})`;
    return `${entry.block.page}:${where}:${col}`;
  });
}
