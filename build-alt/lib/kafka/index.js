"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaReplyHeaders = exports.KafkaAckContext = exports.KafkaAckClient = exports.KafkaAckServer = void 0;
/** `nestjs-ack/kafka`: the Kafka transport (needs the `kafkajs` peer dependency). */
var kafka_ack_server_1 = require("./kafka-ack.server");
Object.defineProperty(exports, "KafkaAckServer", { enumerable: true, get: function () { return kafka_ack_server_1.KafkaAckServer; } });
var kafka_ack_client_1 = require("./kafka-ack.client");
Object.defineProperty(exports, "KafkaAckClient", { enumerable: true, get: function () { return kafka_ack_client_1.KafkaAckClient; } });
var kafka_context_1 = require("./kafka-context");
Object.defineProperty(exports, "KafkaAckContext", { enumerable: true, get: function () { return kafka_context_1.KafkaAckContext; } });
var kafka_headers_1 = require("./kafka-headers");
Object.defineProperty(exports, "KafkaReplyHeaders", { enumerable: true, get: function () { return kafka_headers_1.KafkaReplyHeaders; } });
//# sourceMappingURL=index.js.map