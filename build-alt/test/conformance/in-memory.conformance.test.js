"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const in_memory_conformance_adapter_1 = require("../support/in-memory-conformance-adapter");
const suite_1 = require("./suite");
(0, suite_1.runConformanceSuite)(in_memory_conformance_adapter_1.inMemoryConformanceAdapter);
//# sourceMappingURL=in-memory.conformance.test.js.map