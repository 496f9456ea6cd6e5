import type { ConformanceAdapter } from './adapter';
/** Which part of the suite to run. */
export interface ConformanceSuiteOptions {
    /**
     * `'policy-matrix'`: only the policy x outcome matrix, for a variant of a
     * transport whose full suite already runs (e.g. another Kafka ordering).
     * @defaultValue 'all'
     */
    only?: 'all' | 'policy-matrix';
}
/** Proves the whole ack contract against one transport. */
export declare function runConformanceSuite(adapter: ConformanceAdapter, { only }?: ConformanceSuiteOptions): void;
