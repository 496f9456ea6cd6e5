"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readDocPage = readDocPage;
exports.blockFileName = blockFileName;
exports.blockSource = blockSource;
exports.mapDiagnostics = mapDiagnostics;
const node_fs_1 = require("node:fs");
const FENCE_OPEN = /^(\s*)```(ts|typescript)\b(.*)$/;
const FENCE_CLOSE = /^\s*```\s*$/;
/** Reads the TypeScript blocks and the preamble of one page. */
function readDocPage(path, page) {
    const lines = (0, node_fs_1.readFileSync)(path, 'utf8').split('\n');
    const result = { page, blocks: [], skipped: 0 };
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].trim() === '<!-- ts-preamble') {
            const end = lines.indexOf('-->', i);
            if (end < 0)
                throw new Error(`${page}:${i + 1}: ts-preamble without its closing -->`);
            result.preamble = lines.slice(i + 1, end).join('\n');
            i = end;
            continue;
        }
        const open = FENCE_OPEN.exec(lines[i]);
        if (!open)
            continue;
        const indent = open[1].length;
        const flags = open[3].trim().split(/\s+/);
        const start = i + 1;
        let end = start;
        while (end < lines.length && !FENCE_CLOSE.test(lines[end]))
            end++;
        if (end === lines.length)
            throw new Error(`${page}:${i + 1}: a code block that never closes`);
        const code = lines.slice(start, end).map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
        i = end;
        if (flags.includes('no-compile')) {
            result.skipped++;
            continue;
        }
        result.blocks.push({ page, line: start + 1, code, fragment: flags.includes('fragment') });
    }
    return result;
}
/** The file a block is compiled as: named after its page and line, so compiler errors say where to look. */
function blockFileName(block) {
    return `${block.page.replace(/[^A-Za-z0-9]+/g, '_')}_L${block.line}.ts`;
}
/** The source of a block's file: preamble (fragments only), the code, and an export that makes it a module. */
function blockSource(block, preamble) {
    if (block.fragment && preamble === undefined)
        throw new Error(`${block.page}:${block.line}: a fragment block, but the page has no ts-preamble`);
    const head = block.fragment ? `${preamble}\n` : '';
    return { source: `${head}${block.code}\nexport {};\n`, offset: block.fragment ? preamble.split('\n').length : 0 };
}
/**
 * Rewrites compiler output lines `<file>(line,col): error ...` to `<page>:<line>:<col>: error ...`,
 * pointing at the Markdown source.
 */
function mapDiagnostics(output, files) {
    return output.replace(/^(\S+?\.ts)\((\d+),(\d+)\)/gm, (whole, file, line, col) => {
        const entry = files.get(file.split(/[\\/]/).pop());
        if (!entry)
            return whole;
        const inBlock = Number(line) - entry.offset;
        const where = inBlock >= 1 ? `${entry.block.line + inBlock - 1}` : `${entry.block.line} (ts-preamble line ${line})`;
        return `${entry.block.page}:${where}:${col}`;
    });
}
//# sourceMappingURL=doc-blocks.js.map