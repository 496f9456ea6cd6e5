"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const postgres_conformance_adapter_1 = require("../support/postgres-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)((0, postgres_conformance_adapter_1.postgresConformanceAdapter)(), 'postgres');
//# sourceMappingURL=postgres.tracing.test.js.map