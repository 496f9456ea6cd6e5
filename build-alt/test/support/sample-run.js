"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXPECTED_SUMMARY = exports.SAMPLE_PATTERNS = void 0;
exports.runSample = runSample;
exports.assertSampleAgreed = assertSampleAgreed;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
/** The compiled sample, next to the compiled tests. */
const SAMPLE = (0, node_path_1.join)(__dirname, '../../sample/main.js');
/** The sample's patterns without the run prefix: the topics, streams and subjects of a run are `sample-<run>.<name>`. */
exports.SAMPLE_PATTERNS = ['order.created', 'payment.capture', 'audit.record', 'customer.notify', 'order.shipped', 'order.total', 'order.refunded'];
/** Runs the sample in its own process with `env` added; never rejects on a non-zero exit (the caller asserts it). */
function runSample(env, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(process.execPath, [SAMPLE], { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
            if (error && error.killed)
                return reject(new Error(`the sample did not exit within ${timeoutMs} ms; output: ${stdout}${stderr}`));
            const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
            resolve({ code, stdout, stderr, runId: /^sample run (\w+) on /m.exec(stdout)?.[1] ?? '' });
        });
    });
}
/** What every run of the sample settles, whatever the broker: the summary table, row by row. */
exports.EXPECTED_SUMMARY = [
    // policy          sent acked retried dead-lettered
    ['REJECT_ON_ERROR', 4, 2, 0, 2],
    ['NACK_ON_ERROR', 2, 1, 4, 1],
    ['ACK', 2, 2, 0, 0],
    ['ACK_FIRST', 2, 2, 0, 0],
    ['MANUAL', 2, 1, 0, 1],
    ['(no handler)', 1, 0, 0, 1],
    ['(undecodable)', 1, 0, 0, 1],
];
/** The run exited 0, printed the expected summary, and said the broker agrees. */
function assertSampleAgreed(run) {
    const output = `${run.stdout}\n${run.stderr}`;
    strict_1.default.equal(run.code, 0, output);
    strict_1.default.match(run.runId, /^\w+$/, output);
    for (const [policy, ...counts] of exports.EXPECTED_SUMMARY) {
        const line = run.stdout.split('\n').find((l) => l.startsWith(`${policy} `));
        strict_1.default.ok(line, `no summary line for ${policy}: ${output}`);
        strict_1.default.deepEqual(line.trim().split(/\s+/).slice(-4).map(Number), counts, `summary of ${policy}: ${output}`);
    }
    strict_1.default.match(run.stdout, /^OK: all 14 messages settled \(8 acked, 6 dead-lettered\), and the broker agrees \(nothing unsettled, dead letters per policy, acked in total.*\)\.$/m, output);
    strict_1.default.equal(run.stderr.includes('NOT SETTLED'), false, output);
}
//# sourceMappingURL=sample-run.js.map