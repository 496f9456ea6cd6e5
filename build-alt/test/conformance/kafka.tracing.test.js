"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const kafka_conformance_adapter_1 = require("../support/kafka-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)((0, kafka_conformance_adapter_1.kafkaConformanceAdapter)(), 'kafka');
//# sourceMappingURL=kafka.tracing.test.js.map