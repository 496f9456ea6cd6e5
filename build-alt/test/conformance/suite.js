"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runConformanceSuite = runConformanceSuite;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../lib/core");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
const cells_1 = require("./cells");
const expectations_1 = require("./expectations");
const harness_1 = require("./harness");
const probe_1 = require("./probe");
const suite_lifecycle_1 = require("./suite-lifecycle");
const suite_robustness_1 = require("./suite-robustness");
async function runMatrixCell(adapter, kind, policy, behavior) {
    const cell = { pattern: (0, names_1.uniqueName)('ack'), kind, behavior, methodPolicy: policy, filter: 'global' };
    const expected = (0, expectations_1.expectCell)(policy, behavior);
    await (0, harness_1.withTarget)(adapter, [cell], { retry: harness_1.FAST_RETRY }, async ({ target, probe }) => {
        const replyPromise = await (0, harness_1.sendAndCollect)(target, cell);
        const seen = probe(cell.pattern);
        await (0, wait_for_1.waitFor)(() => seen.handled.length >= expected.deliveries, { message: `${expected.deliveries} handled deliveries` });
        if (replyPromise) {
            const reply = await replyPromise;
            if (expected.reply === 'value')
                strict_1.default.deepEqual(reply, { value: 'ok:42' });
            else
                strict_1.default.ok(reply.error !== undefined && reply.value === undefined, `an error reply, got ${JSON.stringify(reply)}`);
        }
        if (expected.lateSettleResult !== undefined) {
            strict_1.default.equal(await seen.lastContext.reject({ reason: 'late' }), expected.lateSettleResult, 'reject() after the handler returned');
        }
        await (0, harness_1.assertFinal)(target, cell.pattern, expected.final, expected.deliveries);
        strict_1.default.deepEqual((0, harness_1.handledCounts)(seen), (0, harness_1.range)(expected.deliveries), 'delivery counts seen by the server');
        strict_1.default.deepEqual(seen.manualResults, expected.manualResults, 'results of the handler\'s own ack() calls');
        if (expected.final.state === 'unsettled' && seen.contexts.length > 0) {
            // Still the handler's to settle: a later ack is the first decision.
            strict_1.default.equal(await seen.lastContext.ack(), true);
            await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0);
        }
    });
}
/** One failing event handler under the policy that resolution picks; asserts where its message ends. */
async function expectResolved(adapter, cell, serverOptions, final) {
    const full = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', filter: 'global', ...cell };
    await (0, harness_1.withTarget)(adapter, [full], { retry: harness_1.FAST_RETRY, ...serverOptions }, async ({ target, probe }) => {
        await target.emit(full.pattern, harness_1.DATA);
        await (0, wait_for_1.waitFor)(() => probe(full.pattern).handled.length >= 1);
        await (0, harness_1.assertFinal)(target, full.pattern, final, 1);
    });
}
/** Proves the whole ack contract against one transport. */
function runConformanceSuite(adapter, { only = 'all' } = {}) {
    (0, node_test_1.describe)(`ack contract on ${adapter.name}`, () => {
        (0, node_test_1.after)(() => adapter.dispose?.());
        const kinds = adapter.replies === false ? ['event'] : ['event', 'message'];
        for (const kind of kinds) {
            (0, node_test_1.describe)(`${kind === 'event' ? '@EventPattern' : '@MessagePattern'} policy x outcome`, () => {
                for (const policy of core_1.ACK_POLICY_NAMES) {
                    for (const behavior of cells_1.BEHAVIORS) {
                        (0, node_test_1.it)(`${policy}: ${behavior}`, harness_1.TEST_TIMEOUT, () => runMatrixCell(adapter, kind, policy, behavior));
                    }
                }
            });
        }
        if (only === 'policy-matrix')
            return;
        (0, node_test_1.describe)('policy resolution', () => {
            const rejected = { state: 'dead-lettered', reason: 'handler-error', errorMessageIncludes: 'handler failed on purpose' };
            (0, node_test_1.it)('the method policy wins over the controller policy', harness_1.TEST_TIMEOUT, () => expectResolved(adapter, { methodPolicy: 'ACK', controllerPolicy: 'REJECT_ON_ERROR' }, { defaultPolicy: 'MANUAL' }, { state: 'acked' }));
            (0, node_test_1.it)('the controller policy wins over the server defaultPolicy', harness_1.TEST_TIMEOUT, () => expectResolved(adapter, { controllerPolicy: 'REJECT_ON_ERROR' }, { defaultPolicy: 'ACK' }, rejected));
            (0, node_test_1.it)('the server defaultPolicy applies to undecorated handlers', harness_1.TEST_TIMEOUT, () => expectResolved(adapter, {}, { defaultPolicy: 'ACK' }, { state: 'acked' }));
            (0, node_test_1.it)('the library default is REJECT_ON_ERROR', harness_1.TEST_TIMEOUT, () => expectResolved(adapter, {}, {}, rejected));
            (0, node_test_1.it)('DO_NOTHING is an alias of MANUAL: a failure leaves the message unsettled', harness_1.TEST_TIMEOUT, () => expectResolved(adapter, { methodPolicy: core_1.AckPolicy.DO_NOTHING }, { defaultPolicy: 'REJECT_ON_ERROR' }, { state: 'unsettled' }));
        });
        (0, node_test_1.describe)('retries', () => {
            (0, node_test_1.it)('NACK_ON_ERROR redelivers until maxDeliveries, then dead-letters with reason max-deliveries', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR' };
                await (0, harness_1.withTarget)(adapter, [cell], { retry: { ...harness_1.FAST_RETRY, maxDeliveries: 3 } }, async ({ target, probe }) => {
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitFor)(() => probe(cell.pattern).handled.length >= 3);
                    await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorMessageIncludes: 'handler failed on purpose' }, 3);
                    strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1, 2, 3]);
                });
            });
            (0, node_test_1.it)('a handler retry option overrides the server retry option', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'NACK_ON_ERROR', retry: { maxDeliveries: 2 } };
                await (0, harness_1.withTarget)(adapter, [cell], { retry: { ...harness_1.FAST_RETRY, maxDeliveries: 4 } }, async ({ target, probe }) => {
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries' }, 2);
                    strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1, 2]);
                });
            });
            (0, node_test_1.it)('a message that succeeds on redelivery is acked, not dead-lettered', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'NACK_ON_ERROR', failUntilDelivery: 2 };
                await (0, harness_1.withTarget)(adapter, [cell], { retry: { ...harness_1.FAST_RETRY, maxDeliveries: 3 } }, async ({ target, probe }) => {
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitFor)(() => probe(cell.pattern).handled.length >= 2);
                    await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'acked' }, 2);
                    strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1, 2]);
                });
            });
            (0, node_test_1.it)('a NackMessage delay wins over the backoff', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'NACK_ON_ERROR', failUntilDelivery: 2, nackDelayMs: 50 };
                // A backoff of ten minutes: only the explicit 50 ms delay lets the redelivery happen within the test.
                await (0, harness_1.withTarget)(adapter, [cell], { retry: { maxDeliveries: 3, backoff: { type: 'fixed', initialDelayMs: 600_000, maxDelayMs: 600_000, jitter: 0 } } }, async ({ target, probe }) => {
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitFor)(() => probe(cell.pattern).handled.length >= 2, { timeoutMs: 20_000 });
                    await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'acked' }, 2);
                });
            });
        });
        (0, node_test_1.describe)('messages that can never succeed', () => {
            for (const policy of core_1.ACK_POLICY_NAMES) {
                (0, node_test_1.it)(`${policy}: an undecodable body is dead-lettered with reason deserialization, never handled`, harness_1.TEST_TIMEOUT, async () => {
                    const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes' };
                    await (0, harness_1.withTarget)(adapter, [cell], { defaultPolicy: policy, retry: harness_1.FAST_RETRY }, async ({ target, probe }) => {
                        await target.publishRaw(cell.pattern, Buffer.from('{"n":42, this is not json'));
                        const entry = await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'deserialization' }, 1);
                        strict_1.default.equal(entry.body.toString('utf8'), '{"n":42, this is not json', 'the undecodable body travels byte for byte');
                        strict_1.default.equal(probe(cell.pattern).contexts.length, 0, 'never handed to a handler');
                    });
                });
                (0, node_test_1.it)(`${policy}: a message without a handler is dead-lettered with reason no-handler`, harness_1.TEST_TIMEOUT, async () => {
                    const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes' };
                    const unknown = (0, names_1.uniqueName)('nohandler');
                    await (0, harness_1.withTarget)(adapter, [cell], { defaultPolicy: policy, retry: harness_1.FAST_RETRY }, async ({ target }) => {
                        await target.emit(unknown, harness_1.DATA);
                        await (0, harness_1.assertFinal)(target, unknown, { state: 'dead-lettered', reason: 'no-handler' }, 1);
                    }, [unknown]);
                });
            }
        });
        (0, node_test_1.describe)('exception filter set-up', () => {
            for (const filter of ['none', 'controller']) {
                const label = filter === 'none' ? 'without AckModule (Nest\'s default filter erases the class)' : 'with @UseFilters(AckExceptionFilter) on the controller';
                (0, node_test_1.it)(`${label}: NackMessage in a service still nacks`, harness_1.TEST_TIMEOUT, async () => {
                    const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws NackMessage in a service', methodPolicy: 'MANUAL', filter };
                    await (0, harness_1.withTarget)(adapter, [cell], { retry: harness_1.FAST_RETRY }, async ({ target, probe }) => {
                        await target.emit(cell.pattern, harness_1.DATA);
                        await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'max-deliveries', errorName: 'NackMessage' }, 2);
                        strict_1.default.deepEqual((0, harness_1.handledCounts)(probe(cell.pattern)), [1, 2]);
                    });
                });
                // A transport without replies has no request handlers: its start refusal is tested instead.
                if (adapter.replies !== false) {
                    (0, node_test_1.it)(`${label}: RejectMessage in a request handler dead-letters and sends an error reply`, harness_1.TEST_TIMEOUT, async () => {
                        const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'message', behavior: 'throws RejectMessage in a service', methodPolicy: 'ACK', filter };
                        await (0, harness_1.withTarget)(adapter, [cell], { retry: harness_1.FAST_RETRY }, async ({ target }) => {
                            await strict_1.default.rejects(target.send(cell.pattern, harness_1.DATA));
                            await (0, harness_1.assertFinal)(target, cell.pattern, { state: 'dead-lettered', reason: 'service-reject', errorName: 'RejectMessage' }, 1);
                        });
                    });
                }
            }
        });
        (0, suite_robustness_1.runRobustnessTests)(adapter);
        (0, suite_lifecycle_1.runLifecycleTests)(adapter);
        (0, node_test_1.describe)('graceful close', () => {
            (0, node_test_1.it)('waits for in-flight handlers, settles them, then closes', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
                const probe = (0, probe_1.probeFor)(cell.pattern);
                probe.hold();
                const target = await adapter.start({ module: (0, cells_1.buildModule)([cell]), patterns: [cell.pattern], serverOptions: { concurrency: 3, shutdownTimeoutMs: 20_000 } });
                target.server.on('handled', (event) => (0, probe_1.probeFor)(event.pattern).handled.push(event));
                let closed = false;
                try {
                    for (let i = 0; i < 3; i++)
                        await target.emit(cell.pattern, { n: i });
                    await (0, wait_for_1.waitFor)(() => probe.contexts.length === 3, { message: '3 handlers in flight' });
                    const closing = target.app.close().then(() => (closed = true));
                    await (0, wait_for_1.waitFor)(() => target.server.isClosing === true);
                    strict_1.default.equal(closed, false, 'close waits for in-flight handlers');
                    probe.release();
                    await closing;
                    strict_1.default.equal(probe.handled.length, 3);
                    await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 0, { message: 'all three acked before the connection closed' });
                }
                finally {
                    probe.release();
                    await target.close();
                }
            });
            (0, node_test_1.it)('leaves a handler still running at shutdownTimeoutMs unsettled, never acked', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
                const probe = (0, probe_1.probeFor)(cell.pattern);
                probe.hold();
                const target = await adapter.start({ module: (0, cells_1.buildModule)([cell]), patterns: [cell.pattern], serverOptions: { shutdownTimeoutMs: 200 } });
                try {
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitFor)(() => probe.contexts.length === 1, { message: 'the handler in flight' });
                    await target.app.close();
                    probe.release();
                    strict_1.default.equal(await probe.lastContext.ack(), false, 'the abandoned delivery can no longer be settled');
                    await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 1, { message: 'the message stays with the broker for redelivery' });
                    strict_1.default.deepEqual(await target.deadLetters(cell.pattern), []);
                }
                finally {
                    probe.release();
                    await target.close();
                }
            });
        });
    });
}
//# sourceMappingURL=suite.js.map