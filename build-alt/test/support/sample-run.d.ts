/** The sample's patterns without the run prefix: the topics, streams and subjects of a run are `sample-<run>.<name>`. */
export declare const SAMPLE_PATTERNS: string[];
export interface SampleRun {
    code: number | null;
    stdout: string;
    stderr: string;
    /** The run id the sample printed (its names are built from it). */
    runId: string;
}
/** Runs the sample in its own process with `env` added; never rejects on a non-zero exit (the caller asserts it). */
export declare function runSample(env: Record<string, string>, timeoutMs?: number): Promise<SampleRun>;
/** What every run of the sample settles, whatever the broker: the summary table, row by row. */
export declare const EXPECTED_SUMMARY: readonly [readonly ['REJECT_ON_ERROR', 4, 2, 0, 2], readonly ['NACK_ON_ERROR', 2, 1, 4, 1], readonly ['ACK', 2, 2, 0, 0], readonly ['ACK_FIRST', 2, 2, 0, 0], readonly ['MANUAL', 2, 1, 0, 1], readonly ['(no handler)', 1, 0, 0, 1], readonly ['(undecodable)', 1, 0, 0, 1]];
/** The run exited 0, printed the expected summary, and said the broker agrees. */
export declare function assertSampleAgreed(run: SampleRun): void;
