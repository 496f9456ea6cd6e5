import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The compiled sample, next to the compiled tests. */
const SAMPLE = join(__dirname, '../../sample/main.js');

/** The sample's patterns without the run prefix: the topics, streams and subjects of a run are `sample-<run>.<name>`. */
export const SAMPLE_PATTERNS = ['order.created', 'payment.capture', 'audit.record', 'customer.notify', 'order.shipped', 'order.total', 'order.refunded'];

export interface SampleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The run id the sample printed (its names are built from it). */
  runId: string;
}

/** Runs the sample in its own process with `env` added; never rejects on a non-zero exit (the caller asserts it). */
export function runSample(env: Record<string, string>, timeoutMs = 60_000): Promise<SampleRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SAMPLE], { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error && error.killed) return reject(new Error(`the sample did not exit within ${timeoutMs} ms; output: ${stdout}${stderr}`));
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr, runId: /^sample run (\w+) on /m.exec(stdout)?.[1] ?? '' });
    });
  });
}

/** What every run of the sample settles, whatever the broker: the summary table, row by row. */
export const EXPECTED_SUMMARY = [
  // policy          sent acked retried dead-lettered
  ['REJECT_ON_ERROR', 4, 2, 0, 2],
  ['NACK_ON_ERROR', 2, 1, 4, 1],
  ['ACK', 2, 2, 0, 0],
  ['ACK_FIRST', 2, 2, 0, 0],
  ['MANUAL', 2, 1, 0, 1],
  ['(no handler)', 1, 0, 0, 1],
  ['(undecodable)', 1, 0, 0, 1],
] as const;

/** The run exited 0, printed the expected summary, and said the broker agrees. */
export function assertSampleAgreed(run: SampleRun): void {
  const output = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.code, 0, output);
  assert.match(run.runId, /^\w+$/, output);
  for (const [policy, ...counts] of EXPECTED_SUMMARY) {
    const line = run.stdout.split('\n').find((l) => l.startsWith(`${policy} `));
    assert.ok(line, `no summary line for ${policy}: ${output}`);
    assert.deepEqual(line.trim().split(/\s+/).slice(-4).map(Number), counts, `summary of ${policy}: ${output}`);
  }
  assert.match(run.stdout, /^OK: all 14 messages settled \(8 acked, 6 dead-lettered\), and the broker agrees \(nothing unsettled, dead letters per policy, acked in total.*\)\.$/m, output);
  assert.equal(run.stderr.includes('NOT SETTLED'), false, output);
}
