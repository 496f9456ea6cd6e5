"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const suite_1 = require("./suite");
// Topic per pattern (3 partitions), fresh group per test, offsets and dead letters read from the broker.
(0, suite_1.runConformanceSuite)((0, kafka_conformance_adapter_1.kafkaConformanceAdapter)());
//# sourceMappingURL=kafka.conformance.test.js.map