import type { ConformanceAdapter } from '../conformance/adapter';
/** One broker per app, one queue: `outstanding` and `deadLetters` read that broker's queue state. */
export declare const inMemoryConformanceAdapter: ConformanceAdapter;
