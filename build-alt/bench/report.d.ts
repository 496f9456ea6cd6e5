import type { RunResult } from './run';
/** The generated part of docs/benchmarks.md: machine facts and tables. */
export declare function generatedSection(result: RunResult): string;
/** docs/benchmarks.md with its generated section replaced (the text around the markers is kept). */
export declare function writeMarkdown(existing: string, result: RunResult): string;
