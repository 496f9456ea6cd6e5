"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DATA = exports.TEST_TIMEOUT = exports.FAST_RETRY = void 0;
exports.withTarget = withTarget;
exports.sendAndCollect = sendAndCollect;
exports.handledCounts = handledCounts;
exports.range = range;
exports.assertFinal = assertFinal;
const strict_1 = __importDefault(require("node:assert/strict"));
const wait_for_1 = require("../support/wait-for");
const cells_1 = require("./cells");
const expectations_1 = require("./expectations");
const probe_1 = require("./probe");
exports.FAST_RETRY = { maxDeliveries: expectations_1.MATRIX_MAX_DELIVERIES, backoff: { type: 'fixed', initialDelayMs: 20, jitter: 0 } };
exports.TEST_TIMEOUT = { timeout: 60_000 };
exports.DATA = { n: 42 };
/** Starts an app with `cells`, runs `body`, always closes it. */
async function withTarget(adapter, cells, serverOptions, body, extraPatterns = []) {
    const target = await adapter.start({ module: (0, cells_1.buildModule)(cells), patterns: [...cells.map((c) => c.pattern), ...extraPatterns], serverOptions });
    target.server.on('handled', (event) => (0, probe_1.probeFor)(event.pattern).handled.push(event));
    try {
        await body({ target, probe: probe_1.probeFor });
    }
    finally {
        await target.close();
    }
}
async function sendAndCollect(target, cell) {
    if (cell.kind === 'event') {
        await target.emit(cell.pattern, exports.DATA);
        return undefined;
    }
    return target.send(cell.pattern, exports.DATA).then((value) => ({ value }), (error) => ({ error: error ?? 'error' }));
}
function handledCounts(probe) {
    return probe.handled.map((event) => event.deliveryCount);
}
function range(count) {
    return Array.from({ length: count }, (_, i) => i + 1);
}
/** Asserts the broker state of the pattern's single message. */
async function assertFinal(target, pattern, final, deliveries) {
    if (final.state === 'acked') {
        await (0, wait_for_1.waitForEqual)(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}` });
        strict_1.default.deepEqual(await target.deadLetters(pattern), [], 'an acked message must not be dead-lettered');
        return undefined;
    }
    if (final.state === 'unsettled') {
        await (0, wait_for_1.waitForEqual)(() => target.outstanding(pattern), 1, { message: `outstanding of ${pattern}` });
        strict_1.default.deepEqual(await target.deadLetters(pattern), [], 'an unsettled message must not be dead-lettered');
        return undefined;
    }
    const [entry] = (await (0, wait_for_1.waitFor)(async () => {
        const entries = await target.deadLetters(pattern);
        return entries.length > 0 ? entries : undefined;
    }, { message: `a dead letter for ${pattern}` }));
    await (0, wait_for_1.waitForEqual)(() => target.outstanding(pattern), 0, { message: `outstanding of ${pattern}` });
    strict_1.default.equal((await target.deadLetters(pattern)).length, 1, 'exactly one dead letter');
    strict_1.default.equal(entry.reason, final.reason);
    strict_1.default.equal(entry.deliveryCount, deliveries, 'dead letter delivery count');
    if (final.errorName)
        strict_1.default.equal(entry.errorName, final.errorName);
    if (final.errorMessageIncludes)
        strict_1.default.match(entry.errorMessage ?? '', new RegExp(final.errorMessageIncludes));
    strict_1.default.ok(entry.body.toString('utf8').includes('"n":42'), 'the original body travels untouched');
    strict_1.default.ok(Object.keys(entry.source).length > 0, 'the source is recorded');
    return entry;
}
//# sourceMappingURL=harness.js.map