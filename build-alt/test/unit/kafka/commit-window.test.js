"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const commit_window_1 = require("../../../lib/kafka/commit-window");
(0, node_test_1.describe)('CommitWindow', () => {
    (0, node_test_1.it)('allows offsets below the first fetched offset plus its size, then moves with confirmed commits only', () => {
        const window = new commit_window_1.CommitWindow(3);
        strict_1.default.equal(window.allows(1000), true, 'before the first fetch: nothing known, nothing held');
        window.begin(10);
        window.begin(50); // later batches do not move it
        strict_1.default.deepEqual([10, 11, 12, 13].map((o) => window.allows(o)), [true, true, true, false]);
        strict_1.default.equal(window.confirm(12), true);
        strict_1.default.deepEqual([14, 15].map((o) => window.allows(o)), [true, false]);
        strict_1.default.equal(window.confirm(11), false, 'an older confirmation does not move it back');
        strict_1.default.equal(window.allows(14), true);
    });
});
//# sourceMappingURL=commit-window.test.js.map