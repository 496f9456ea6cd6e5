import type { ConformanceAdapter } from './adapter';
/** Nest's processing hooks, the start/close rule and the replies capability. */
export declare function runLifecycleTests(adapter: ConformanceAdapter): void;
