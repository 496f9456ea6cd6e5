"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryBroker = exports.InMemoryAckServer = exports.IN_MEMORY_TRANSPORT = exports.InMemoryAckClient = void 0;
// Nest's decorators need the Reflect metadata API before any of them runs.
require("reflect-metadata");
var in_memory_ack_client_1 = require("./in-memory-ack.client");
Object.defineProperty(exports, "InMemoryAckClient", { enumerable: true, get: function () { return in_memory_ack_client_1.InMemoryAckClient; } });
var in_memory_ack_server_1 = require("./in-memory-ack.server");
Object.defineProperty(exports, "IN_MEMORY_TRANSPORT", { enumerable: true, get: function () { return in_memory_ack_server_1.IN_MEMORY_TRANSPORT; } });
Object.defineProperty(exports, "InMemoryAckServer", { enumerable: true, get: function () { return in_memory_ack_server_1.InMemoryAckServer; } });
var in_memory_broker_1 = require("./in-memory-broker");
Object.defineProperty(exports, "InMemoryBroker", { enumerable: true, get: function () { return in_memory_broker_1.InMemoryBroker; } });
//# sourceMappingURL=index.js.map