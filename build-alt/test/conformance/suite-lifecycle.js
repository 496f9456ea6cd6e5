"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.runLifecycleTests = runLifecycleTests;
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../lib/core");
const names_1 = require("../support/names");
const nest_version_1 = require("../support/nest-version");
const wait_for_1 = require("../support/wait-for");
const cells_1 = require("./cells");
const harness_1 = require("./harness");
const CLOSE_DELAYS_MS = [0, 10, 50, 200, 400];
/** Nest's processing hooks, the start/close rule and the replies capability. */
function runLifecycleTests(adapter) {
    (0, node_test_1.describe)('Nest processing hooks', () => {
        (0, node_test_1.it)('the start and end hooks see every delivery, the end hook once it is settled', harness_1.TEST_TIMEOUT, async (t) => {
            if ((0, nest_version_1.loadedNest)().major < 11)
                return t.skip(`Nest ${(0, nest_version_1.loadedNest)().version} has no processing hooks (Nest >= 11 has)`);
            const cells = [
                { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' },
                { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'throws Error', methodPolicy: 'REJECT_ON_ERROR' },
            ];
            if (adapter.replies !== false)
                cells.push({ pattern: (0, names_1.uniqueName)('ack'), kind: 'message', behavior: 'completes', methodPolicy: 'ACK' });
            await (0, harness_1.withTarget)(adapter, cells, {}, async ({ target, probe }) => {
                const server = target.server;
                strict_1.default.equal(typeof server.setOnProcessingStartHook, 'function', 'Nest >= 11 has processing hooks');
                const started = [];
                const ended = [];
                server.setOnProcessingStartHook((id, context, done) => {
                    started.push({ id, context });
                    return done();
                });
                server.setOnProcessingEndHook((id, context) => ended.push({ id, context: context, settled: context.isSettled() }));
                for (const cell of cells) {
                    if (cell.kind === 'event')
                        await target.emit(cell.pattern, harness_1.DATA);
                    else
                        strict_1.default.equal(await target.send(cell.pattern, harness_1.DATA), 'ok:42');
                }
                await (0, wait_for_1.waitFor)(() => cells.every((cell) => probe(cell.pattern).handled.length === 1), { message: 'every delivery handled' });
                await (0, wait_for_1.waitFor)(() => ended.length === cells.length, { message: 'an end hook per delivery' });
                strict_1.default.equal(started.length, cells.length, 'a start hook per delivery');
                for (const { id, context } of started) {
                    strict_1.default.equal(typeof id, 'symbol');
                    strict_1.default.match(Symbol.keyFor(id) ?? '', /^nestjs-ack\./, 'the transport id names the transport');
                    strict_1.default.ok((0, core_1.isAckContext)(context), 'the hook gets the delivery\'s AckContext');
                }
                strict_1.default.deepEqual(new Set(ended.map((e) => e.context)), new Set(started.map((s) => s.context)), 'the end hook gets the same contexts');
                strict_1.default.ok(ended.every((e) => e.settled), 'the end hook runs after the policy settled the delivery');
            });
        });
    });
    (0, node_test_1.describe)('close during start', () => {
        for (const delayMs of CLOSE_DELAYS_MS) {
            (0, node_test_1.it)(`a close ${delayMs} ms into listen() settles listen() and leaves nothing consuming`, harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'event', behavior: 'completes', methodPolicy: 'ACK' };
                const target = await adapter.start({ module: (0, cells_1.buildModule)([cell]), patterns: [cell.pattern], serverOptions: {}, listen: false });
                const handled = [];
                target.server.on('handled', (event) => handled.push(event));
                try {
                    const listening = target.app.listen().then(() => 'started', (error) => error);
                    // The scenario itself: a close at this point of the start (not a wait for a condition).
                    await new Promise((resolve) => setTimeout(resolve, delayMs));
                    await target.app.close();
                    const outcome = await (0, wait_for_1.waitFor)(() => Promise.race([listening, new Promise((resolve) => setImmediate(() => resolve(undefined)))]), { message: 'listen() to settle', timeoutMs: 30_000 });
                    if (outcome !== 'started')
                        strict_1.default.equal(outcome.name, 'ClosedDuringStartError', `listen() rejects with ClosedDuringStartError, got ${String(outcome)}`);
                    if (target.consumers)
                        await (0, wait_for_1.waitForEqual)(() => target.consumers(cell.pattern), 0, { message: 'consumers left on the broker' });
                    await target.emit(cell.pattern, harness_1.DATA);
                    await (0, wait_for_1.waitForEqual)(() => target.outstanding(cell.pattern), 1, { message: 'the message waits on the broker' });
                    if (target.consumers)
                        strict_1.default.equal(await target.consumers(cell.pattern), 0, 'still nothing consuming');
                    strict_1.default.equal(handled.length, 0, 'the closed server handled nothing');
                }
                finally {
                    await target.close();
                }
            });
        }
    });
    if (adapter.replies === false) {
        (0, node_test_1.describe)('replies', () => {
            (0, node_test_1.it)('a @MessagePattern handler is refused at start with a message that says why', harness_1.TEST_TIMEOUT, async () => {
                const cell = { pattern: (0, names_1.uniqueName)('ack'), kind: 'message', behavior: 'completes' };
                await strict_1.default.rejects(adapter.start({ module: (0, cells_1.buildModule)([cell]), patterns: [cell.pattern], serverOptions: {} }), (error) => {
                    strict_1.default.equal(error.name, 'RepliesNotSupportedError');
                    strict_1.default.match(error.message, /no reply channel.*@MessagePattern.*use @EventPattern/);
                    return true;
                });
            });
        });
    }
}
//# sourceMappingURL=suite-lifecycle.js.map