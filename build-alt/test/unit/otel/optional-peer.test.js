"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const run_child_1 = require("../../support/run-child");
(0, node_test_1.describe)('@opentelemetry/api is an optional peer', () => {
    (0, node_test_1.it)('without it, the core and every transport load and settle; only nestjs-ack/otel needs it', async () => {
        const { code, output } = await (0, run_child_1.runChild)((0, node_path_1.join)(__dirname, '../../support/without-otel-child.js'), []);
        strict_1.default.equal(code, 0, output);
        const result = JSON.parse(output.trim().split('\n').at(-1));
        strict_1.default.equal(result.settlement, 'ack');
        strict_1.default.deepEqual(result.headers, [{}], 'no trace headers without an observer');
        strict_1.default.match(result.otel, /Cannot find module '@opentelemetry\/api'/);
    });
});
//# sourceMappingURL=optional-peer.test.js.map