"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const in_memory_conformance_adapter_1 = require("../support/in-memory-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)(in_memory_conformance_adapter_1.inMemoryConformanceAdapter, 'in-memory');
//# sourceMappingURL=in-memory.tracing.test.js.map