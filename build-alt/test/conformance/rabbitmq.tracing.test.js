"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)((0, rabbit_conformance_adapter_1.rabbitConformanceAdapter)(), 'rabbitmq');
//# sourceMappingURL=rabbitmq.tracing.test.js.map