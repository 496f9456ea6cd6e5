"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const pending_requests_1 = require("../../../lib/core/pending-requests");
(0, node_test_1.describe)('PendingRequests', () => {
    (0, node_test_1.it)('hands replies to their request; the disposed one or an error ends it', () => {
        const pending = new pending_requests_1.PendingRequests();
        const seen = [];
        pending.add('a', (packet) => seen.push(packet));
        pending.deliver('a', { response: 1 });
        pending.deliver('a', { response: 2, isDisposed: true });
        pending.deliver('a', { response: 3 });
        strict_1.default.deepEqual([...seen], [{ response: 1 }, { response: 2, isDisposed: true }]);
        strict_1.default.equal(pending.has('a'), false);
        pending.add('b', (packet) => seen.push(packet));
        pending.deliver('b', { err: { status: 'error', message: 'x' } });
        strict_1.default.deepEqual(seen.at(-1), { err: { status: 'error', message: 'x' }, isDisposed: true });
        strict_1.default.equal(pending.has('b'), false);
    });
    (0, node_test_1.it)('fails one or all, and forgets unsubscribed callers', () => {
        const pending = new pending_requests_1.PendingRequests();
        const errors = [];
        const unsubscribe = pending.add('gone', () => errors.push('never'));
        unsubscribe();
        pending.add('a', (packet) => errors.push(packet.err));
        pending.add('b', (packet) => errors.push(packet.err));
        pending.fail('a', new Error('publish failed'));
        pending.failAll('closed');
        strict_1.default.deepEqual(errors.map((e) => e.message), ['publish failed', 'closed']);
        pending.deliver('zzz', { response: 1 }); // unknown: ignored
    });
    (0, node_test_1.it)('reads a reply body as JSON, else as text', () => {
        strict_1.default.deepEqual((0, pending_requests_1.parseReplyBody)(Buffer.from('{"id":"1"}')), { id: '1' });
        strict_1.default.equal((0, pending_requests_1.parseReplyBody)('not json'), 'not json');
    });
});
//# sourceMappingURL=pending-requests.test.js.map