"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runRobustnessTests = runRobustnessTests;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const harness_1 = require("./harness");
/** Nest's envelope `{"pattern":...,"data":<data>}` with the data's bytes as they are. */
function envelope(pattern, data) {
    return Buffer.concat([Buffer.from(`{"pattern":${JSON.stringify(pattern)},"data":`), data, Buffer.from('}')]);
}
/** Control exceptions settle only when they leave the handler; bad bytes are never changed in silence; a refusing dead-letter target loses nothing. */
function runRobustnessTests(adapter) {
    (0, node_test_1.describe)('control exceptions settle only when thrown out of the handler', () => {
        (0, node_test_1.it)('an AckMessage created but never thrown settles nothing (without AckModule)', harness_1.TEST_TIMEOUT, async () => {
            const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'creates AckMessage, then throws Error', methodPolicy: 'REJECT_ON_ERROR', filter: 'none' };
            await (0, harness_1.withTarget)(adapter, [cell], {}, async ({ target, probe }) => {
                await target.emit(cell.pattern, harness_1.DATA);
                await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'handler-error' }, 1);
                strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1]);
            });
        });
        (0, node_test_1.it)('a NackMessage thrown and caught inside the handler settles nothing (without AckModule)', harness_1.TEST_TIMEOUT, async () => {
            const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'catches a thrown NackMessage, then completes', methodPolicy: 'REJECT_ON_ERROR', filter: 'none' };
            await (0, harness_1.withTarget)(adapter, [cell], {}, async ({ target, probe }) => {
                await target.emit(cell.pattern, harness_1.DATA);
                await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'acked' }, 1);
                strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1], 'delivered once: the caught nack did not redeliver it');
            });
        });
        (0, node_test_1.it)('an AckMessage thrown and caught inside the handler does not ack a later failure (with AckModule)', harness_1.TEST_TIMEOUT, async () => {
            const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'catches a thrown AckMessage, then throws Error', methodPolicy: 'REJECT_ON_ERROR', filter: 'global' };
            await (0, harness_1.withTarget)(adapter, [cell], {}, async ({ target }) => {
                await target.emit(cell.pattern, harness_1.DATA);
                await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'handler-error', errorMessageIncludes: 'handler failed on purpose' }, 1);
            });
        });
    });
    (0, node_test_1.describe)('bad bytes', () => {
        (0, node_test_1.it)('invalid UTF-8 inside valid JSON is dead-lettered as deserialization with its bytes intact, and the next message flows', harness_1.TEST_TIMEOUT, async () => {
            const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
            await (0, harness_1.withTarget)(adapter, [cell], {}, async ({ target, probe }) => {
                const data = Buffer.concat([Buffer.from('{"n":42,"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
                const body = adapter.bodyOf ? adapter.bodyOf(cell.pattern, data) : envelope(cell.pattern, data);
                await target.publishRaw(cell.pattern, body);
                const entry = await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'deserialization' }, 1);
                strict_1.default.ok(entry.body.equals(body), 'the dead letter holds the original bytes, 0xff 0xfe included');
                strict_1.default.equal(probe(cell.pattern).contexts.length, 0, 'never handed to a handler');
                await target.emit(cell.pattern, harness_1.DATA);
                await (0, wait_for_1.waitFor)(() => probe(cell.pattern).handled.some((event) => event.outcome === 'completed'), { message: 'the next message handled' });
                await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0, { message: 'nothing outstanding' });
                strict_1.default.equal((await target.deadLetters(cell.pattern)).length, 1);
            });
        });
    });
    (0, node_test_1.describe)('body size limit', () => {
        (0, node_test_1.it)('a body over maxBodyBytes is dead-lettered as deserialization without being parsed, and the next message flows', harness_1.TEST_TIMEOUT, async () => {
            const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
            await (0, harness_1.withTarget)(adapter, [cell], { maxBodyBytes: 512 }, async ({ target, probe }) => {
                const data = Buffer.from(JSON.stringify({ n: 42, filler: 'x'.repeat(1000) }));
                const body = adapter.bodyOf ? adapter.bodyOf(cell.pattern, data) : envelope(cell.pattern, data);
                await target.publishRaw(cell.pattern, body);
                const entry = await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'deserialization', errorMessageIncludes: 'over maxBodyBytes=512' }, 1);
                strict_1.default.ok(entry.body.equals(body), 'the dead letter holds the original bytes');
                strict_1.default.equal(probe(cell.pattern).contexts.length, 0, 'never handed to a handler');
                await target.emit(cell.pattern, harness_1.DATA);
                await (0, wait_for_1.waitFor)(() => probe(cell.pattern).handled.some((event) => event.outcome === 'completed'), { message: 'the next message handled' });
            });
        });
    });
    if (adapter.canBlockDeadLetters) {
        (0, node_test_1.describe)('a dead-letter target that refuses', () => {
            (0, node_test_1.it)('leaves the source unsettled, retries with growing delays, and dead-letters it once the target accepts', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'REJECT_ON_ERROR' };
                const retry = { maxDeliveries: 5, backoff: { type: 'fixed', initialDelayMs: 50, maxDelayMs: 400, jitter: 0 } };
                await (0, harness_1.withTarget)(adapter, [cell], { retry }, async ({ target, probe }) => {
                    const refusals = [];
                    target.server.on('error', (error) => {
                        if (error.name === 'DeadLetterRefusedError')
                            refusals.push(error);
                    });
                    await target.blockDeadLetters(cell.pattern, true);
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitFor)(() => refusals.length >= 3, { message: 'three refused dead-letter attempts', timeoutMs: 20_000 });
                    strict_1.default.equal(target.server.deadLetterFailures, 1, 'the server reports one source whose dead letter is refused');
                    strict_1.default.deepEqual(await target.deadLetters(cell.pattern), [], 'nothing reached the dead-letter target');
                    strict_1.default.equal(await target.outstanding(cell.pattern), 1, 'the source is still the broker\'s, unsettled');
                    strict_1.default.match(refusals[0].message, /retried in \d+ ms/);
                    await target.blockDeadLetters(cell.pattern, false);
                    const [entry] = (await (0, wait_for_1.waitFor)(async () => {
                        const entries = await target.deadLetters(cell.pattern);
                        return entries.length > 0 ? entries : undefined;
                    }, { message: 'the dead letter once the target accepts', timeoutMs: 20_000 }));
                    strict_1.default.equal(entry.reason, 'handler-error');
                    await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0, { message: 'the source settled' });
                    strict_1.default.equal((await target.deadLetters(cell.pattern)).length, 1, 'dead-lettered exactly once');
                    strict_1.default.equal(target.server.deadLetterFailures, 0);
                    strict_1.default.ok(probe(cell.pattern).handled.length >= 4, 'redelivered while the target refused');
                });
            });
        });
    }
}
//# sourceMappingURL=suite-robustness.js.map