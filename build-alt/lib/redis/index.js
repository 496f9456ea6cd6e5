"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REDIS_URL = exports.RedisFields = exports.RedisAckContext = exports.RedisAckClient = exports.REDIS_TRANSPORT = exports.RedisAckServer = void 0;
/** `nestjs-ack/redis`: the Redis Streams transport (needs the `ioredis` peer dependency). */
var redis_ack_server_1 = require("./redis-ack.server");
Object.defineProperty(exports, "RedisAckServer", { enumerable: true, get: function () { return redis_ack_server_1.RedisAckServer; } });
Object.defineProperty(exports, "REDIS_TRANSPORT", { enumerable: true, get: function () { return redis_ack_server_1.REDIS_TRANSPORT; } });
var redis_ack_client_1 = require("./redis-ack.client");
Object.defineProperty(exports, "RedisAckClient", { enumerable: true, get: function () { return redis_ack_client_1.RedisAckClient; } });
var redis_context_1 = require("./redis-context");
Object.defineProperty(exports, "RedisAckContext", { enumerable: true, get: function () { return redis_context_1.RedisAckContext; } });
var redis_wire_1 = require("./redis-wire");
Object.defineProperty(exports, "RedisFields", { enumerable: true, get: function () { return redis_wire_1.RedisFields; } });
var redis_connection_1 = require("./redis-connection");
Object.defineProperty(exports, "DEFAULT_REDIS_URL", { enumerable: true, get: function () { return redis_connection_1.DEFAULT_REDIS_URL; } });
//# sourceMappingURL=index.js.map