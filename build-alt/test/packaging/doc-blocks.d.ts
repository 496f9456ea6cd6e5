/**
 * A TypeScript code block of a Markdown page, as the test compiles it.
 *
 * Rules the pages follow:
 * - a fence opened with ```ts (or ```typescript) is compiled as a module of its own;
 * - ```ts fragment is compiled after the page's preamble, an HTML comment
 *   `<!-- ts-preamble ... -->` (imports and `declare const` lines a short snippet assumes);
 * - ```ts no-compile is skipped: keep these rare, and say next to the block why.
 */
export interface DocBlock {
    /** The page, relative to the repository. */
    page: string;
    /** Line of the block's first code line in the page (1-based). */
    line: number;
    code: string;
    fragment: boolean;
}
export interface DocPage {
    page: string;
    blocks: DocBlock[];
    skipped: number;
    preamble?: string;
}
/** Reads the TypeScript blocks and the preamble of one page. */
export declare function readDocPage(path: string, page: string): DocPage;
/** The file a block is compiled as: named after its page and line, so compiler errors say where to look. */
export declare function blockFileName(block: DocBlock): string;
/** The source of a block's file: preamble (fragments only), the code, and an export that makes it a module. */
export declare function blockSource(block: DocBlock, preamble: string | undefined): {
    source: string;
    offset: number;
};
/**
 * Rewrites compiler output lines `<file>(line,col): error ...` to `<page>:<line>:<col>: error ...`,
 * pointing at the Markdown source.
 */
export declare function mapDiagnostics(output: string, files: Map<string, {
    block: DocBlock;
    offset: number;
}>): string;
