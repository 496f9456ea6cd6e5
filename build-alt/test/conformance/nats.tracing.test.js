"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const nats_conformance_adapter_1 = require("../support/nats-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)((0, nats_conformance_adapter_1.natsConformanceAdapter)(), 'nats');
//# sourceMappingURL=nats.tracing.test.js.map