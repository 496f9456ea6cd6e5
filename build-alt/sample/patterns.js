"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PolicyOf = exports.Patterns = exports.RUN_ID = void 0;
exports.shortName = shortName;
const node_crypto_1 = require("node:crypto");
/**
 * This run's own names. On a real broker, topics, streams and subjects are
 * the patterns themselves, so each run prefixes them: a re-run never reads
 * what an earlier one left behind. The in-memory broker lives in the process
 * and needs no prefix.
 */
exports.RUN_ID = `${Date.now().toString(36)}${(0, node_crypto_1.randomBytes)(2).toString('hex')}`;
const prefix = (process.env.SAMPLE_BROKER || 'in-memory') === 'in-memory' ? '' : `sample-${exports.RUN_ID}.`;
exports.Patterns = {
    created: `${prefix}order.created`,
    capture: `${prefix}payment.capture`,
    audit: `${prefix}audit.record`,
    notify: `${prefix}customer.notify`,
    shipped: `${prefix}order.shipped`,
    total: `${prefix}order.total`,
    /** No handler consumes it: dead-lettered as `no-handler`. */
    refunded: `${prefix}order.refunded`,
};
/** The policy of each handled pattern (as its decorator says), for the summary. */
exports.PolicyOf = {
    [exports.Patterns.created]: 'REJECT_ON_ERROR',
    [exports.Patterns.total]: 'REJECT_ON_ERROR',
    [exports.Patterns.capture]: 'NACK_ON_ERROR',
    [exports.Patterns.audit]: 'ACK',
    [exports.Patterns.notify]: 'ACK_FIRST',
    [exports.Patterns.shipped]: 'MANUAL',
};
/** A pattern as printed: without this run's prefix. */
function shortName(pattern) {
    return pattern.startsWith(prefix) ? pattern.slice(prefix.length) : pattern;
}
//# sourceMappingURL=patterns.js.map