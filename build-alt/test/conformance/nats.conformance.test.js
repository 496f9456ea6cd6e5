"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const nats_conformance_adapter_1 = require("../support/nats-conformance-adapter");
const suite_1 = require("./suite");
// One stream per app capturing the test's patterns, dead letters to `<stream>_DLQ` (nats-server 2.9: one consumer per subject).
(0, suite_1.runConformanceSuite)((0, nats_conformance_adapter_1.natsConformanceAdapter)());
//# sourceMappingURL=nats.conformance.test.js.map