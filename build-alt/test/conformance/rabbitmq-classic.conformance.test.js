"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const rabbit_conformance_adapter_1 = require("../support/rabbit-conformance-adapter");
const suite_1 = require("./suite");
// Classic queues count no deliveries: this proves our own delivery-count header (republish on nack).
(0, suite_1.runConformanceSuite)((0, rabbit_conformance_adapter_1.rabbitConformanceAdapter)({ queueType: 'classic' }));
//# sourceMappingURL=rabbitmq-classic.conformance.test.js.map