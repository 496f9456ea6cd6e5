"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const suite_1 = require("./suite");
// The whole suite again with `ordering: 'key'` (keyed worker, in-memory retries).
(0, suite_1.runConformanceSuite)((0, kafka_conformance_adapter_1.kafkaConformanceAdapter)('key'));
//# sourceMappingURL=kafka-key.conformance.test.js.map