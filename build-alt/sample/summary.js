"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SettlementTally = exports.NO_HANDLER = exports.UNDECODABLE = void 0;
exports.rowOf = rowOf;
exports.summaryLines = summaryLines;
exports.disagreements = disagreements;
exports.comparedFigures = comparedFigures;
const lib_1 = require("../lib");
const patterns_1 = require("./patterns");
exports.UNDECODABLE = '(undecodable)';
exports.NO_HANDLER = '(no handler)';
/** The row a message belongs to: refused messages by why, the rest by their handler's policy. */
function rowOf(pattern, rejectReason) {
    if (rejectReason === lib_1.RejectReason.DESERIALIZATION)
        return exports.UNDECODABLE;
    if (rejectReason === lib_1.RejectReason.NO_HANDLER)
        return exports.NO_HANDLER;
    return patterns_1.PolicyOf[pattern] ?? exports.NO_HANDLER;
}
/** Counts per row, from the server's `settled` events. */
class SettlementTally {
    rows = new Map();
    /** Final settlements (ack or dead letter) so far. */
    final = 0;
    expect(row, messages = 1) {
        this.row(row).sent += messages;
    }
    record(event) {
        const { settlement } = event;
        const row = this.row(rowOf(event.pattern, settlement.kind === 'reject' ? settlement.reason : undefined));
        if (settlement.kind === 'ack')
            row.acked++;
        else if (settlement.kind === 'nack')
            row.retried++;
        else
            row.deadLettered++;
        if (settlement.kind !== 'nack')
            this.final++;
    }
    get sent() {
        return [...this.rows.values()].reduce((sum, row) => sum + row.sent, 0);
    }
    row(label) {
        let row = this.rows.get(label);
        if (!row)
            this.rows.set(label, (row = { sent: 0, acked: 0, retried: 0, deadLettered: 0 }));
        return row;
    }
}
exports.SettlementTally = SettlementTally;
/** The summary table, one line per row. */
function summaryLines(tally) {
    const lines = [`${'policy'.padEnd(16)} ${'sent'.padStart(5)} ${'acked'.padStart(6)} ${'retried'.padStart(8)} ${'dead-lettered'.padStart(14)}`];
    for (const [label, row] of tally.rows) {
        lines.push(`${label.padEnd(16)} ${String(row.sent).padStart(5)} ${String(row.acked).padStart(6)} ${String(row.retried).padStart(8)} ${String(row.deadLettered).padStart(14)}`);
    }
    return lines;
}
/**
 * Where the server's account and the broker's disagree, or something was not
 * settled: one line each; empty when everything matches.
 */
function disagreements(tally, broker) {
    const problems = [];
    if (broker.unsettled !== 0)
        problems.push(`the broker still holds ${broker.unsettled} unsettled message(s)`);
    for (const [label, row] of tally.rows) {
        if (row.acked + row.deadLettered !== row.sent)
            problems.push(`${label}: ${row.sent} sent, but ${row.acked} acked + ${row.deadLettered} dead-lettered`);
    }
    const storedByRow = {};
    for (const letter of broker.deadLetters) {
        const label = rowOf(letter.pattern, letter.reason);
        storedByRow[label] = (storedByRow[label] ?? 0) + 1;
    }
    for (const label of new Set([...tally.rows.keys(), ...Object.keys(storedByRow)])) {
        const counted = tally.rows.get(label)?.deadLettered ?? 0;
        const stored = storedByRow[label] ?? 0;
        if (counted !== stored)
            problems.push(`${label}: ${counted} dead-lettered by the server, ${stored} in the broker's dead-letter target`);
    }
    const ackedByServer = [...tally.rows.values()].reduce((sum, row) => sum + row.acked, 0);
    const ackedOnBroker = tally.sent - broker.deadLetters.length - broker.unsettled;
    if (ackedByServer !== ackedOnBroker)
        problems.push(`${ackedByServer} acked by the server, the broker shows ${ackedOnBroker} (sent - dead-lettered - unsettled)`);
    compareByRow(problems, 'acked', tally, broker.ackedByPattern, (row) => row.acked);
    compareByRow(problems, 'retried', tally, broker.retriedByPattern, (row) => row.retried);
    return problems;
}
/** Compares per-row counts when the broker keeps them per message (by pattern; refused messages are left out). */
function compareByRow(problems, what, tally, byPattern, pick) {
    if (!byPattern)
        return;
    const onBroker = {};
    for (const [pattern, count] of Object.entries(byPattern)) {
        const label = rowOf(pattern);
        onBroker[label] = (onBroker[label] ?? 0) + count;
    }
    for (const [label, row] of tally.rows) {
        if (label === exports.UNDECODABLE || label === exports.NO_HANDLER)
            continue;
        if (pick(row) !== (onBroker[label] ?? 0))
            problems.push(`${label}: ${pick(row)} ${what} by the server, the broker shows ${onBroker[label] ?? 0}`);
    }
}
/** What the comparison covered on this broker, for the last line. */
function comparedFigures(broker) {
    const figures = ['nothing unsettled', 'dead letters per policy', 'acked in total'];
    if (broker.ackedByPattern)
        figures.push('acked per policy');
    if (broker.retriedByPattern)
        figures.push('retried per policy');
    return figures.join(', ');
}
//# sourceMappingURL=summary.js.map