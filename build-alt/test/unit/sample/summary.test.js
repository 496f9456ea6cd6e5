"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const patterns_1 = require("../../../sample/patterns");
const summary_1 = require("../../../sample/summary");
const settled = (pattern, settlement) => ({ pattern, source: {}, deliveryCount: 1, settlement });
/** Two REJECT_ON_ERROR messages (one acked, one dead-lettered) and one undecodable one, all settled. */
function tally() {
    const t = new summary_1.SettlementTally();
    t.expect('REJECT_ON_ERROR', 2);
    t.expect(summary_1.UNDECODABLE);
    t.record(settled(patterns_1.Patterns.created, { kind: 'ack' }));
    t.record(settled(patterns_1.Patterns.created, { kind: 'reject', reason: 'handler-error' }));
    t.record(settled(patterns_1.Patterns.created, { kind: 'reject', reason: 'deserialization' }));
    return t;
}
const agreeing = {
    lines: [],
    unsettled: 0,
    deadLetters: [
        { pattern: patterns_1.Patterns.created, reason: 'handler-error' },
        { pattern: patterns_1.Patterns.created, reason: 'deserialization' },
    ],
};
(0, node_test_1.describe)('the sample summary against the broker', () => {
    (0, node_test_1.it)('agrees when the broker shows what the server settled', () => {
        strict_1.default.deepEqual((0, summary_1.disagreements)(tally(), agreeing), []);
    });
    (0, node_test_1.it)('names an unsettled message and a missing dead letter', () => {
        const problems = (0, summary_1.disagreements)(tally(), { ...agreeing, unsettled: 1, deadLetters: [agreeing.deadLetters[0]] });
        strict_1.default.ok(problems.includes('the broker still holds 1 unsettled message(s)'), problems.join('\n'));
        strict_1.default.ok(problems.includes(`${summary_1.UNDECODABLE}: 1 dead-lettered by the server, 0 in the broker's dead-letter target`), problems.join('\n'));
        // 3 sent - 1 dead letter - 1 unsettled = 1 acked on the broker, as the server counted: no complaint about acks.
        strict_1.default.equal(problems.filter((p) => p.includes('acked by the server')).length, 0, problems.join('\n'));
    });
    (0, node_test_1.it)('names a policy whose messages were not all settled, and per-policy counts the broker keeps', () => {
        const t = tally();
        t.expect('MANUAL');
        const problems = (0, summary_1.disagreements)(t, { ...agreeing, ackedByPattern: { [patterns_1.Patterns.created]: 2 } });
        strict_1.default.ok(problems.includes('MANUAL: 1 sent, but 0 acked + 0 dead-lettered'), problems.join('\n'));
        strict_1.default.ok(problems.includes('REJECT_ON_ERROR: 1 acked by the server, the broker shows 2'), problems.join('\n'));
    });
});
//# sourceMappingURL=summary.test.js.map