"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const fetch_liveness_1 = require("../../../lib/kafka/fetch-liveness");
(0, node_test_1.describe)('FetchLiveness', () => {
    (0, node_test_1.it)('reports an outage once the fetches stay silent for silenceMs, and its end at the next answer', () => {
        const liveness = new fetch_liveness_1.FetchLiveness(5_000, 0);
        strict_1.default.equal(liveness.check(4_999, true), false);
        strict_1.default.equal(liveness.check(5_000, true), true);
        strict_1.default.equal(liveness.check(9_000, true), false, 'reported once');
        strict_1.default.equal(liveness.isDown, true);
        strict_1.default.equal(liveness.answered(12_000), true);
        strict_1.default.equal(liveness.answered(12_500), false, 'the end is reported once');
        strict_1.default.equal(liveness.check(16_000, true), false);
    });
    (0, node_test_1.it)('a consumer without partitions is never silent', () => {
        const liveness = new fetch_liveness_1.FetchLiveness(5_000, 0);
        strict_1.default.equal(liveness.check(60_000, false), false);
        strict_1.default.equal(liveness.check(64_000, true), false, 'the clock restarts when partitions come');
        strict_1.default.equal(liveness.check(65_000, true), true);
    });
    (0, node_test_1.it)('an outage known from a crash is not reported twice, and ends at the next answer', () => {
        const liveness = new fetch_liveness_1.FetchLiveness(5_000, 0);
        strict_1.default.equal(liveness.markDown(), true);
        strict_1.default.equal(liveness.markDown(), false);
        strict_1.default.equal(liveness.check(10_000, true), false);
        strict_1.default.equal(liveness.answered(11_000), true);
    });
    (0, node_test_1.it)('waits 10 fetch waits, at least 5 s', () => {
        strict_1.default.equal((0, fetch_liveness_1.fetchSilenceMs)(500), 5_000);
        strict_1.default.equal((0, fetch_liveness_1.fetchSilenceMs)(2_000), 20_000);
    });
});
//# sourceMappingURL=fetch-liveness.test.js.map