"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const suite_1 = require("./suite");
// `ordering: 'none'` shares the keyed worker with 'key' (each record its own lane): the policy matrix
// proves its settle paths; the full suite for 'key' covers the rest of that worker.
(0, suite_1.runConformanceSuite)((0, kafka_conformance_adapter_1.kafkaConformanceAdapter)('none'), { only: 'policy-matrix' });
//# sourceMappingURL=kafka-none.conformance.test.js.map