"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const postgres_conformance_adapter_1 = require("../support/postgres-conformance-adapter");
const suite_1 = require("./suite");
// One fresh table per test, created by the server; row states read back with plain SQL.
(0, suite_1.runConformanceSuite)((0, postgres_conformance_adapter_1.postgresConformanceAdapter)());
//# sourceMappingURL=postgres.conformance.test.js.map