"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const redis_conformance_adapter_1 = require("../support/redis-conformance-adapter");
const suite_tracing_1 = require("./suite-tracing");
(0, suite_tracing_1.runTracingSuite)((0, redis_conformance_adapter_1.redisConformanceAdapter)(), 'redis');
//# sourceMappingURL=redis.tracing.test.js.map