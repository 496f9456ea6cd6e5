"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const suite_1 = require("./suite");
// The default set-up: a quorum queue with the broker's own delivery count, dead letters to `<queue>.dlq`.
(0, suite_1.runConformanceSuite)((0, rabbit_conformance_adapter_1.rabbitConformanceAdapter)());
//# sourceMappingURL=rabbitmq.conformance.test.js.map