import type { ConformanceAdapter } from './adapter';
/** Control exceptions settle only when they leave the handler; bad bytes are never changed in silence; a refusing dead-letter target loses nothing. */
export declare function runRobustnessTests(adapter: ConformanceAdapter): void;
