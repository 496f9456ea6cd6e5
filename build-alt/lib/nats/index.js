"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planConsumers = exports.perSubjectName = exports.DEFAULT_NATS_SERVERS = exports.DEFAULT_CONSUMER = exports.REPLY_TO_HEADER = exports.NatsMissingResourceError = exports.NatsConsumerConfigError = exports.NatsCommands = exports.NatsAckContext = exports.NatsAckClient = exports.NATS_TRANSPORT = exports.NatsAckServer = void 0;
/** `nestjs-ack/nats`: the NATS JetStream transport (needs the `@nats-io/transport-node` and `@nats-io/jetstream` peer dependencies). */
var nats_ack_server_1 = require("./nats-ack.server");
Object.defineProperty(exports, "NatsAckServer", { enumerable: true, get: function () { return nats_ack_server_1.NatsAckServer; } });
Object.defineProperty(exports, "NATS_TRANSPORT", { enumerable: true, get: function () { return nats_ack_server_1.NATS_TRANSPORT; } });
var nats_ack_client_1 = require("./nats-ack.client");
Object.defineProperty(exports, "NatsAckClient", { enumerable: true, get: function () { return nats_ack_client_1.NatsAckClient; } });
var nats_context_1 = require("./nats-context");
Object.defineProperty(exports, "NatsAckContext", { enumerable: true, get: function () { return nats_context_1.NatsAckContext; } });
var nats_commands_1 = require("./nats-commands");
Object.defineProperty(exports, "NatsCommands", { enumerable: true, get: function () { return nats_commands_1.NatsCommands; } });
var nats_errors_1 = require("./nats-errors");
Object.defineProperty(exports, "NatsConsumerConfigError", { enumerable: true, get: function () { return nats_errors_1.NatsConsumerConfigError; } });
Object.defineProperty(exports, "NatsMissingResourceError", { enumerable: true, get: function () { return nats_errors_1.NatsMissingResourceError; } });
var nats_headers_1 = require("./nats-headers");
Object.defineProperty(exports, "REPLY_TO_HEADER", { enumerable: true, get: function () { return nats_headers_1.REPLY_TO_HEADER; } });
var nats_settings_1 = require("./nats-settings");
Object.defineProperty(exports, "DEFAULT_CONSUMER", { enumerable: true, get: function () { return nats_settings_1.DEFAULT_CONSUMER; } });
Object.defineProperty(exports, "DEFAULT_NATS_SERVERS", { enumerable: true, get: function () { return nats_settings_1.DEFAULT_NATS_SERVERS; } });
var nats_topology_1 = require("./nats-topology");
Object.defineProperty(exports, "perSubjectName", { enumerable: true, get: function () { return nats_topology_1.perSubjectName; } });
Object.defineProperty(exports, "planConsumers", { enumerable: true, get: function () { return nats_topology_1.planConsumers; } });
//# sourceMappingURL=index.js.map